using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Governance.Scheduling;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration.Governance;

/// <summary>
/// The one Quartz scheduler: its job store is in PostgreSQL (tables from our migration), clustered, so that two host
/// instances against one database share the schedule and each firing runs exactly once; schedules outlive a restart.
/// </summary>
public sealed class QuartzClusterTests
{
    // Every second, so that a few seconds give many firings for the two nodes to compete for.
    private static readonly Dictionary<string, string?> FastCycle = new()
    {
        ["Governance:Scheduler:QuarterlyCycleCron"] = "0/1 * * * * ?",
        ["Governance:Scheduler:EmailOutboxCron"] = "0 0 0 1 1 ? 2099",
        ["Governance:Scheduler:MeetingPacksCron"] = "0 0 0 1 1 ? 2099",
        ["Governance:Scheduler:ClusterCheckinInterval"] = "00:00:02",
    };

    [Fact]
    public async Task Two_host_instances_on_one_database_run_each_scheduled_firing_exactly_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using (var first = await TestHost.StartAsync(db.ConnectionString, settings: FastCycle))
        await using (var second = await TestHost.StartAsync(db.ConnectionString, settings: FastCycle))
        {
            await Eventually.WaitForAsync(
                () => db.ScalarAsync<long>("SELECT count(*) FROM governance.qrtz_scheduler_state WHERE sched_name = 'SeriousViolence'"),
                n => n == 2,
                "both instances to check in to the cluster");
            await Eventually.WaitForAsync(
                () => db.ScalarAsync<long>("SELECT count(*) FROM governance.job_runs WHERE job_name = 'quarterly-cycle' AND NOT manual"),
                n => n >= 12,
                "a dozen scheduled runs of the quarterly cycle");
        }

        var runs = await db.ScalarAsync<long>("SELECT count(*) FROM governance.job_runs WHERE job_name = 'quarterly-cycle' AND NOT manual");
        var firings = await db.ScalarAsync<long>("SELECT count(DISTINCT scheduled_for) FROM governance.job_runs WHERE job_name = 'quarterly-cycle' AND NOT manual");
        Assert.Equal(firings, runs);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM governance.job_runs WHERE NOT succeeded"));
        // The cycle itself did its work once: the current quarter entered the cycle in exactly one run.
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM governance.job_runs WHERE summary LIKE '%entered the cycle%'"));
    }

    [Fact]
    public async Task The_schedule_is_kept_in_postgresql_and_survives_a_restart()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using (await TestHost.StartAsync(db.ConnectionString, settings: FastCycle))
        {
            await Eventually.WaitForAsync(
                () => db.ScalarAsync<long>("SELECT count(*) FROM governance.job_runs WHERE job_name = 'quarterly-cycle'"),
                n => n >= 2,
                "the cycle to run on its schedule");
        }

        var firedBefore = await db.ScalarAsync<long>("SELECT prev_fire_time FROM governance.qrtz_triggers WHERE trigger_name = 'quarterly-cycle'");
        // The platform's three jobs and the strands' own (Child Abuse's overdue recommendations, Gangs' retention, Homicide's FIU deadlines).
        Assert.Equal(6L, await db.ScalarAsync<long>("SELECT count(*) FROM governance.qrtz_job_details"));
        Assert.Equal(
            ["child-abuse-overdue-recommendations", "email-outbox", "gangs-criminal-networks-retention", "homicide-fiu-deadlines", "meeting-packs", "quarterly-cycle"],
            await db.ColumnAsync("SELECT trigger_name FROM governance.qrtz_cron_triggers ORDER BY 1"));

        await using (await TestHost.StartAsync(db.ConnectionString, settings: FastCycle))
        {
            await Eventually.WaitForAsync(
                () => db.ScalarAsync<long>("SELECT prev_fire_time FROM governance.qrtz_triggers WHERE trigger_name = 'quarterly-cycle'"),
                t => t > firedBefore,
                "the stored trigger to fire again after the restart");
        }

        // The misfire policy of decision 0003 is what the store holds: catch up once (FireAndProceed = 1) for the cycle
        // and the meeting packs, wait for the next firing (DoNothing = 2) for the frequent e-mail job.
        Assert.Equal(
            ["email-outbox 2", "meeting-packs 1", "quarterly-cycle 1"],
            await db.ColumnAsync("SELECT trigger_name || ' ' || misfire_instr FROM governance.qrtz_triggers WHERE trigger_name IN ('email-outbox', 'meeting-packs', 'quarterly-cycle') ORDER BY 1"));
        // The same trigger row carried on: the restart found the schedule rather than starting a second one.
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM governance.qrtz_triggers WHERE trigger_name = 'quarterly-cycle'"));
    }

    [Fact]
    public async Task An_administrator_can_run_a_job_now_and_its_run_is_logged_as_manual()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        var admin = Actor.WithRoles("admin", "Platform administrator", new RoleGrant(Role.Administrator));
        var lead = Actor.ForStrands("jigsaw-lead", "DCS Jigsaw", "jigsaw");
        await using var scope = host.Services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<JobsAdmin>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => jobs.TriggerAsync(lead, QuarterlyCycleJob.Name, CancellationToken.None));
        await jobs.TriggerAsync(admin, QuarterlyCycleJob.Name, CancellationToken.None);

        var summary = await Eventually.WaitForAsync(
            () => db.ColumnAsync("SELECT summary FROM governance.job_runs WHERE job_name = 'quarterly-cycle' AND manual"),
            s => s.Count == 1,
            "the manual run to be logged");
        Assert.EndsWith("(run now by Platform administrator)", summary[0], StringComparison.Ordinal);
        var listed = await jobs.ListAsync(admin, CancellationToken.None);
        Assert.Equal(["child-abuse-overdue-recommendations", "email-outbox", "gangs-criminal-networks-retention", "homicide-fiu-deadlines", "meeting-packs", "quarterly-cycle"], listed.Select(j => j.Name));
        var cycle = listed.Single(j => j.Name == QuarterlyCycleJob.Name);
        Assert.Equal("0 0/15 * * * ?", cycle.Schedule);
        Assert.NotNull(cycle.NextRun);
        Assert.True(cycle.LastRun!.Succeeded);
    }
}
