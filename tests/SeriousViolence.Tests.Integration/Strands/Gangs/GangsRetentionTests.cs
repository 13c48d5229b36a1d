using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Strands.GangsCriminalNetworks.Networks;
using SeriousViolence.Tests.Integration.Governance;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.Gangs;

/// <summary>
/// ICO control 3b (no retention period, people never removed), with a clock the test moves: the strand's scheduled job
/// flags a network past review, archives it when not reviewed within the configured days, and after the retention
/// period deletes it with its assessments, ledger and note, leaving in the audit trail what was removed and why, never
/// what it said. A reviewed network stays. Own host: the test moves the clock years ahead.
/// </summary>
public sealed class GangsRetentionTests
{
    [Fact]
    public async Task The_retention_job_flags_then_archives_an_unreviewed_network_and_deletes_it_with_its_ledger_after_the_retention_period()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero));
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await GangsHostFixture.StartAsync(db, clock, new Dictionary<string, string?>
        {
            ["Governance:Scheduler:Start"] = "false",
            ["Strands:GangsCriminalNetworks:ReviewMonths"] = "3",
            ["Strands:GangsCriminalNetworks:ArchiveAfterDays"] = "30",
            ["Strands:GangsCriminalNetworks:RetentionMonths"] = "12",
        });
        async Task<T> With<T>(Func<IServiceProvider, Task<T>> work)
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await work(scope.ServiceProvider);
        }

        Task<string> RunJob() => With(s => s.GetRequiredService<RetentionJob>().RunAsync(CancellationToken.None));
        var commands = (Func<IServiceProvider, NetworkCommands>)(s => s.GetRequiredService<NetworkCommands>());
        var stale = GangsHostFixture.Saved(await With(s => commands(s).RecordAsync(GangsHostFixture.Lead, GangsHostFixture.Network(note: "Runs a drugs line from the estate"), CancellationToken.None)));
        var reviewed = GangsHostFixture.Saved(await With(s => commands(s).RecordAsync(GangsHostFixture.Lead, GangsHostFixture.Network(), CancellationToken.None)));
        GangsHostFixture.Saved(await With(s => commands(s).RecordDisruptionAsync(GangsHostFixture.Lead, stale.Id, GangsHostFixture.Disruption(new DateOnly(2026, 1, 10)), CancellationToken.None)));
        Assert.Equal(new DateOnly(2026, 4, 10), stale.ReviewDue);

        clock.Now = new DateTimeOffset(2026, 4, 11, 9, 0, 0, TimeSpan.Zero);
        // The reviewed one is reassessed in time; its review falls due afresh.
        GangsHostFixture.Saved(await With(s => commands(s).ReassessAsync(GangsHostFixture.Lead, reviewed.Id, new AssessmentForm
        {
            AssessedOn = "2026-04-11", Status = "Active", Violence = "3", Weapons = "3", Drugs = "3", Exploitation = "3", CommunityImpact = "3",
        }, reviewed.Version, CancellationToken.None)));
        Assert.Equal("Flagged 1 network(s) past review, archived 0, deleted 0 after the retention period.", await RunJob());
        Assert.Equal(["0|true"], await db.ColumnAsync($"SELECT status || '|' || (flagged_at IS NOT NULL) FROM strand_gangs_criminal_networks.networks WHERE id = '{stale.Id}'"));
        // The Board is told, and asked to discuss it.
        await Eventually.WaitForAsync(
            async () => System.Net.WebUtility.HtmlDecode(await host.Client.GetStringAsync("board/strands/gangs-criminal-networks")),
            c => c.Contains("Past their review date", StringComparison.Ordinal), "the overdue review on the strand's Board card");
        var agenda = System.Net.WebUtility.HtmlDecode(await host.Client.GetStringAsync("board/agenda"));
        Assert.Contains("1 criminal network is past its review date on the matrix", agenda, StringComparison.Ordinal);

        clock.Now = new DateTimeOffset(2026, 5, 12, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal("Flagged 0 network(s) past review, archived 1, deleted 0 after the retention period.", await RunJob());
        Assert.Equal(["4|Not reviewed within 30 days of its review date (2026-04-10)."], await db.ColumnAsync($"SELECT status || '|' || archive_reason FROM strand_gangs_criminal_networks.networks WHERE id = '{stale.Id}'"));

        clock.Now = new DateTimeOffset(2027, 5, 13, 9, 0, 0, TimeSpan.Zero);
        Assert.StartsWith("Flagged 1 network(s) past review, archived 1, deleted 1", await RunJob(), StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) FROM strand_gangs_criminal_networks.networks WHERE id = '{stale.Id}'"));
        Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) FROM strand_gangs_criminal_networks.disruptions WHERE network_id = '{stale.Id}'"));
        Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) FROM strand_gangs_criminal_networks.assessments WHERE network_id = '{stale.Id}'"));
        Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) FROM strand_gangs_criminal_networks.network_notes WHERE network_id = '{stale.Id}'"));
        // The reviewed network was not reviewed again: now archived too, but not yet deleted.
        Assert.Equal(["4"], await db.ColumnAsync($"SELECT status::text FROM strand_gangs_criminal_networks.networks WHERE id = '{reviewed.Id}'"));

        // What was removed and why, by the platform: the reference and the counts, never what the records said.
        Assert.Equal(
            [$"system|created|{stale.Reference}|1|1|Archived on 2026-05-12 (not reviewed in time); retention period of 12 months ended."],
            await db.ColumnAsync("SELECT actor_id || '|' || summary || '|' || (after->>'Reference') || '|' || (after->>'Assessments') || '|' || (after->>'Disruptions') || '|' || (after->>'Reason') FROM platform.audit_records WHERE entity = 'strand_gangs_criminal_networks.retention_deletions'"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM platform.audit_records WHERE coalesce(before::text, '') || coalesce(after::text, '') LIKE '%drugs line%'"));
        // Deleted in SQL: no audit record copies the deleted rows' fields.
        Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) FROM platform.audit_records WHERE summary = 'deleted' AND entity LIKE 'strand_gangs_criminal_networks.%'"));
    }
}
