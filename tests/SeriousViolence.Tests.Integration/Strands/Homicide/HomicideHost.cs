using Autofac;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Strands.Homicide.Fiu;
using SeriousViolence.Strands.Homicide.Investigations;
using SeriousViolence.Strands.Homicide.Partnerships;
using SeriousViolence.Strands.Homicide.Records;
using SeriousViolence.Tests.Integration.Governance;
using SeriousViolence.Tests.Support;

namespace SeriousViolence.Tests.Integration.Strands.Homicide;

/// <summary>What the Homicide strand's tests share: its people, forms, and its commands run in a scope of the host.</summary>
internal static class HomicideHost
{
    public static readonly Actor Lead = Actor.ForStrands("homicide-lead", "DCS Homicide", "homicide");

    public static readonly Actor ActionOwner = Actor.WithRoles("homicide-owner", "DI Homicide Reporting", new RoleGrant(Role.ActionOwner, "homicide"));

    public static readonly Actor GbhLead = Actor.ForStrands("gbh-lead", "DCS GBH", "gbh");

    public const string Croydon = "E09000008";

    public const string Lambeth = "E09000022";

    public static InvestigationForm Investigation(
        string name, string opened = "2026-05-04", string borough = Croydon, string status = "open", string detected = "", string charged = "", string outcome = "", string debriefed = "", string marking = "OFFICIAL") =>
        new() { OperationName = name, OpenedOn = opened, Borough = borough, Status = status, DetectedOn = detected, ChargedOn = charged, Outcome = outcome, DebriefedOn = debriefed, Marking = marking };

    public static FiuRequestForm Fiu(string type = FiuRequestTypes.CashSeizure, string received = "2026-11-02T09:00", string responded = "", string by = "", string marking = "OFFICIAL") =>
        new() { RequestType = type, ReceivedAt = received, RespondedAt = responded, RespondedBy = by, Marking = marking };

    public static PartnershipProjectForm Project(string name, string status = ProjectStatuses.Active, string started = "2026-04-15", string[]? partners = null, string evidence = "") =>
        new() { Name = name, Partners = [.. partners ?? ["London Councils", "Victim Support Services"]], Objective = "Reduce homicide among young men in the thematic group.", StartedOn = started, Status = status, Evidence = evidence };

    public static async Task<RegisterResult<Investigation>> SaveAsync(TestHost host, Actor actor, InvestigationForm form, Investigation? read = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InvestigationCommands>().SaveAsync(actor, form, read?.Id, read?.Version, CancellationToken.None);
    }

    public static async Task<RegisterResult<FiuRequest>> SaveAsync(TestHost host, Actor actor, FiuRequestForm form, FiuRequest? read = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FiuRequestCommands>().SaveAsync(actor, form, read?.Id, read?.Version, CancellationToken.None);
    }

    public static async Task<RegisterResult<PartnershipProject>> SaveAsync(TestHost host, Actor actor, PartnershipProjectForm form, PartnershipProject? read = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PartnershipProjectCommands>().SaveAsync(actor, form, read?.Id, read?.Version, CancellationToken.None);
    }

    /// <summary>Saves and insists it was saved (for tests about what follows a save).</summary>
    public static T Saved<T>(this RegisterResult<T> result)
        where T : class =>
        result.Saved ?? throw new InvalidOperationException($"Not saved: {result.Conflict} {string.Join("; ", result.Errors.SelectMany(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");

    public static async Task<string> RunDeadlineJobAsync(TestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FiuDeadlineJob>().RunAsync(CancellationToken.None);
    }

    /// <summary>A measure's observations in Performance's store for one place, as "period|value|numerator|denominator|revision".</summary>
    public static Task<List<string>> ObservationsAsync(TestDatabase db, string measure, string geography) =>
        db.ColumnAsync($"SELECT period_start || '|' || trim_scale(value) || '|' || coalesce(numerator::int::text, '-') || '|' || coalesce(denominator::int::text, '-') || '|' || revision FROM performance.observations WHERE measure_code = '{measure}' AND geography = '{geography}' ORDER BY period_start");
}

/// <summary>
/// One host with the strategy's strands for a class of Homicide tests, on a clock the test may move (only "now"; the
/// scheduler is not started, so the deadline job runs when a test runs it). Each test uses its own operation names,
/// boroughs or months.
/// </summary>
public sealed class HomicideHostFixture : Xunit.IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;

    public TestHost Host { get; private set; } = null!;

    /// <summary>Starts at 1 December 2026, 10:00 UTC.</summary>
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync();
        Host = await TestHost.StartAsync(Db.ConnectionString, TestHost.StrategyStrands, new Dictionary<string, string?>
            {
                ["Governance:Scheduler:Start"] = "false",
                // The strand's lead, as the directory names them: FIU notices reach them in the app and by e-mail.
                ["Governance:Directory:StrandLeads:homicide:0:Id"] = HomicideHost.Lead.Id,
                ["Governance:Directory:StrandLeads:homicide:0:Name"] = HomicideHost.Lead.DisplayName,
                ["Governance:Directory:StrandLeads:homicide:0:Email"] = "dcs.homicide@example.police.uk",
            },
            b => b.Host.ConfigureContainer<ContainerBuilder>((_, c) => c.RegisterInstance(Clock).As<TimeProvider>()));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Db.DisposeAsync();
    }
}
