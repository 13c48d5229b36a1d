using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Governance.Scheduling;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>The strand's scheduled job runs on the platform's one Quartz scheduler, by hand or on its schedule.</summary>
public sealed class NinthStrandJobTests
{
    private static readonly Actor Administrator = Actor.WithRoles("admin", "Test administrator", new RoleGrant(Role.Administrator));

    [Fact]
    public async Task The_strands_job_is_listed_with_the_others_and_run_now_counts_its_returns()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await NinthStrandHost.StartAsync(db);
        await NinthStrandHost.RecordSavedAsync(host, NinthStrandHost.Lead, NinthStrandHost.Form());
        await NinthStrandHost.RecordSavedAsync(host, NinthStrandHost.Lead, NinthStrandHost.Form(borough: NinthStrandHost.Lambeth));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var jobs = scope.ServiceProvider.GetRequiredService<JobsAdmin>();
            var listed = (await jobs.ListAsync(Administrator, CancellationToken.None)).Single(j => j.Name == "ninth-test-tally");
            Assert.Equal("0 0 3 * * ?", listed.Schedule);
            await jobs.TriggerAsync(Administrator, "ninth-test-tally", CancellationToken.None);
        }

        var tallies = await Eventually.WaitForAsync(
            () => db.ColumnAsync("SELECT returns || '|' || boroughs FROM strand_ninth_test.tallies"), t => t.Count == 1, "the job's tally");
        Assert.Equal(["2|2"], tallies);
        var run = await Eventually.WaitForAsync(
            () => db.ColumnAsync("SELECT succeeded || '|' || manual || '|' || summary FROM governance.job_runs WHERE job_name = 'ninth-test-tally'"), r => r.Count == 1, "the job's run in the history");
        Assert.StartsWith("true|true|Counted 2 test returns from 2 boroughs.", run[0], StringComparison.Ordinal);
        // The job acts as the platform, and its record is audited under that name.
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM platform.audit_records WHERE entity = 'strand_ninth_test.tallies' AND actor_id = 'system'"));
    }

    [Fact]
    public async Task The_strands_job_fires_on_the_schedule_set_in_configuration()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await NinthStrandHost.StartAsync(db, new Dictionary<string, string?> { ["Strands:Jobs:ninth-test-tally:Cron"] = "0/2 * * * * ?" });

        var runs = await Eventually.WaitForAsync(
            () => db.ColumnAsync("SELECT manual::text FROM governance.job_runs WHERE job_name = 'ninth-test-tally'"), r => r.Count >= 1, "a scheduled run of the strand's job");
        Assert.Equal("false", runs[0]);
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM strand_ninth_test.tallies") >= 1);
    }
}
