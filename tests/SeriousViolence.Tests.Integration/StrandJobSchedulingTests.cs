using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Governance.Scheduling;
using SeriousViolence.Platform.Plugins;
using SeriousViolence.Plugins;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>
/// A strand's declared job runs on the one clustered Quartz scheduler through Governance's adapter: listed on the jobs
/// page with its schedule (configured, else the strand's default), run now by hand, and its run recorded like every
/// other job's. No strategy strand declares a job yet, so the registration is added to the host as the platform adds
/// a plugin's (a StrandJobRegistration singleton and the job type, scoped) before Governance is composed.
/// </summary>
public sealed class StrandJobSchedulingTests
{
    private const string JobName = "test-strand-reminders";

    /// <summary>A strand job that says which DI scope it was resolved from, to show each run gets a new one.</summary>
    private sealed class RemindersJob(ScopeMarker marker) : IStrandJob
    {
        public Task<string> RunAsync(CancellationToken cancellationToken) => Task.FromResult($"Sent 0 reminders (scope {marker.Id:N}).");
    }

    private sealed class ScopeMarker
    {
        public Guid Id { get; } = Guid.NewGuid();
    }

    private static Task<TestHost> StartAsync(TestDatabase db, Dictionary<string, string?> settings) =>
        TestHost.StartAsync(db.ConnectionString, settings: settings, configure: builder =>
        {
            builder.Services.AddScoped<ScopeMarker>();
            builder.Services.AddScoped<RemindersJob>();
            builder.Services.AddSingleton(new StrandJobRegistration("homicide", JobName, "Reminds the strand of reviews falling due.", "0 0 7 * * ?", typeof(RemindersJob)));
        });

    [Fact]
    public async Task A_strand_job_is_listed_with_its_configured_schedule_and_runs_now_with_its_run_recorded()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await StartAsync(db, new() { [$"Strands:Jobs:{JobName}:Cron"] = "0 0 0 1 1 ? 2099" });
        await using var scope = host.Services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<JobsAdmin>();

        var listed = (await jobs.ListAsync(host.Operator.Actor, CancellationToken.None)).Single(j => j.Name == JobName);
        Assert.Equal("0 0 0 1 1 ? 2099", listed.Schedule);
        Assert.Equal("Reminds the strand of reviews falling due. (strand 'homicide')", listed.Description);

        await jobs.TriggerAsync(host.Operator.Actor, JobName, CancellationToken.None);
        await jobs.TriggerAsync(host.Operator.Actor, JobName, CancellationToken.None);
        var runs = await Eventually.WaitForAsync(
            () => db.ColumnAsync($"SELECT summary FROM governance.job_runs WHERE job_name = '{JobName}' AND manual AND succeeded ORDER BY started_at"),
            r => r.Count == 2,
            "two runs of the strand job recorded");

        Assert.All(runs, r => Assert.Matches(@"^Sent 0 reminders \(scope [0-9a-f]{32}\)\. \(run now by Test operator\)$", r));
        Assert.NotEqual(runs[0], runs[1]); // each run resolved the job from a scope of its own
        Assert.Equal(2, (await jobs.ListAsync(host.Operator.Actor, CancellationToken.None)).Single(j => j.Name == JobName).RecentRuns.Count);
    }

    [Fact]
    public async Task A_strand_job_without_configuration_keeps_the_strand_s_default_schedule_and_catches_up_once_after_downtime()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await StartAsync(db, []);

        // FireAndProceed (1), as decision 0003 gives the quarterly cycle.
        Assert.Equal(
            ["0 0 7 * * ? 1"],
            await db.ColumnAsync($"SELECT c.cron_expression || ' ' || t.misfire_instr FROM governance.qrtz_cron_triggers c JOIN governance.qrtz_triggers t USING (sched_name, trigger_name, trigger_group) WHERE c.trigger_name = '{JobName}'"));
    }

    [Fact]
    public async Task A_strand_job_whose_cron_setting_is_not_a_cron_expression_stops_start_up_naming_the_setting()
    {
        await using var db = await TestDatabase.CreateAsync();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(db, new() { [$"Strands:Jobs:{JobName}:Cron"] = "every morning" }));

        Assert.Contains($"Strands:Jobs:{JobName}:Cron = 'every morning' is not a Quartz cron expression", failure.Message, StringComparison.Ordinal);
    }
}
