using Autofac;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Contracts;
using SeriousViolence.Governance.Cycle;
using SeriousViolence.Tests.Support;

namespace SeriousViolence.Tests.Integration.Governance;

/// <summary>
/// The real host on a fresh database with a clock the test moves, Quartz built but not started (the test runs the
/// cycle's passes itself), the eight strands' leads and the Board chair in the directory.
/// </summary>
internal sealed class CycleHost : IAsyncDisposable
{
    public static readonly string[] Strands =
        ["jigsaw", "sapphire", "dv-hate-crime", "serious-youth-violence", "gangs-criminal-networks", "homicide", "gbh", "child-abuse"];

    private CycleHost(TestDatabase db, TestHost host, ManualClock clock)
    {
        Db = db;
        Host = host;
        Clock = clock;
    }

    public TestDatabase Db { get; }

    public TestHost Host { get; }

    public ManualClock Clock { get; }

    public static async Task<CycleHost> StartAsync(DateTimeOffset start, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var clock = new ManualClock(start);
        var settings = new Dictionary<string, string?>
        {
            ["Governance:Scheduler:Start"] = "false",
            ["Governance:Cycle:FirstQuarter"] = FinancialQuarter.Containing(start).ToString(),
            ["Governance:Directory:Board:0:Id"] = "board-chair",
            ["Governance:Directory:Board:0:Name"] = "Commander Violent Crime Directorate",
            ["Governance:Directory:Board:0:Email"] = "board.chair@example.police.uk",
        };
        for (var i = 0; i < Strands.Length; i++)
        {
            settings[$"Governance:Directory:StrandLeads:{Strands[i]}:0:Id"] = "lead-" + Strands[i];
            settings[$"Governance:Directory:StrandLeads:{Strands[i]}:0:Name"] = "DCS " + Strands[i];
            settings[$"Governance:Directory:StrandLeads:{Strands[i]}:0:Email"] = Strands[i] + ".lead@example.police.uk";
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var db = await TestDatabase.CreateAsync();
        var host = await TestHost.StartAsync(db.ConnectionString, settings: settings, configure: b =>
            b.Host.ConfigureContainer<ContainerBuilder>((_, c) => c.RegisterInstance(clock).As<TimeProvider>()));
        // The quarter records picture the Board's read model, so let it catch up with the seeded action plans first.
        await Eventually.WaitForAsync(() => db.ScalarAsync<long>("SELECT count(*) FROM board.objectives"), n => n >= 163, "the Board to hold the 163 seeded objectives");
        return new CycleHost(db, host, clock);
    }

    public async Task<CycleReport> RunCycleAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<QuarterlyCycle>().RunDueAsync(Actor.System, CancellationToken.None);
    }

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>A strand's submission as Plans publishes it, and waits until Governance has recorded it.</summary>
    public async Task SubmitAsync(string strandId, string quarter, DateTimeOffset at, long revision = 1)
    {
        await Host.Services.GetRequiredService<IBus>().Publish(new QuarterlyUpdateSubmitted
        {
            StrandId = strandId, Quarter = quarter, Revision = revision, OccurredAt = at, ObjectivesUpdated = 3, ObjectivesCarriedForward = 4,
            SubmittedBy = "DCS " + strandId,
        });
        await Eventually.WaitForAsync(
            () => Db.ScalarAsync<long>($"SELECT count(*) FROM governance.submissions WHERE strand_id = '{strandId}' AND quarter = '{quarter}' AND revision = {revision}"),
            n => n == 1,
            $"{strandId}'s {quarter} submission to reach Governance");
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Db.DisposeAsync();
    }
}
