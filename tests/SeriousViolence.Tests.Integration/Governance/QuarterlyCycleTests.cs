using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using SeriousViolence.Abstractions;
using SeriousViolence.Governance.Cycle;
using SeriousViolence.Governance.Snapshots;
using SeriousViolence.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace SeriousViolence.Tests.Integration.Governance;

/// <summary>
/// The quarterly cycle over a whole financial year (2026/27) with a clock the test moves a day at a time: windows open at
/// quarter end, reminders at +7 and +14 days go only to strands that have not submitted, quarters lock at the deadline
/// (+28 days), a submission after it is accepted and marked late, and each quarter's record is taken at the lock.
/// </summary>
public sealed class QuarterlyCycleTests
{
    private static readonly string[] Quarters = ["2026/27 Q1", "2026/27 Q2", "2026/27 Q3", "2026/27 Q4"];

    private static readonly Actor BoardMember = Actor.WithRoles("board-member", "Board member", new RoleGrant(Role.BoardMember));

    [Fact]
    public async Task A_full_financial_year_opens_reminds_locks_marks_late_and_records_every_quarter()
    {
        await using var cycle = await CycleHost.StartAsync(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero));
        // Who submits when, for each quarter: six strands within days of the window opening, Child Abuse between the
        // two reminders, Homicide two days after the deadline.
        var plan = new List<(DateTimeOffset At, string Strand, string Quarter)>();
        foreach (var quarter in Quarters.Select(FinancialQuarter.Parse))
        {
            var opens = new DateTimeOffset(quarter.End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            plan.AddRange(CycleHost.Strands.Where(s => s is not ("child-abuse" or "homicide")).Select(s => (opens.AddDays(3).AddHours(10), s, quarter.ToString())));
            plan.Add((opens.AddDays(10).AddHours(10), "child-abuse", quarter.ToString()));
            plan.Add((opens.AddDays(30).AddHours(8), "homicide", quarter.ToString()));
        }

        for (var day = cycle.Clock.Now; day <= new DateTimeOffset(2027, 5, 2, 9, 0, 0, TimeSpan.Zero); day = day.AddDays(1))
        {
            cycle.Clock.Now = day;
            foreach (var (at, strand, quarter) in plan.Where(p => p.At <= day && p.At > day.AddDays(-1)))
            {
                await cycle.SubmitAsync(strand, quarter, at);
            }

            await cycle.RunCycleAsync();
        }

        Assert.Equal(
            ["2026/27 Q1 locked true", "2026/27 Q2 locked true", "2026/27 Q3 locked true", "2026/27 Q4 locked true", "2027/28 Q1 in-progress false"],
            await cycle.Db.ColumnAsync("SELECT quarter || ' ' || state || ' ' || (snapshot_id IS NOT NULL) FROM governance.quarters ORDER BY quarter"));
        Assert.Equal(
            ["2026-07-29", "2026-10-29", "2027-01-29", "2027-04-29"],
            await cycle.Db.ColumnAsync("SELECT to_char(deadline_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM governance.quarters WHERE state = 'locked' ORDER BY quarter"));

        // Reminders: only the two strands that owed an update at +7, only Homicide at +14; nobody else, ever.
        foreach (var quarter in Quarters)
        {
            Assert.Equal(
                ["child-abuse +7 sent", "homicide +14 sent", "homicide +7 sent"],
                await cycle.Db.ColumnAsync($"SELECT strand_id || ' +' || offset_days || ' ' || outcome FROM governance.reminders WHERE quarter = '{quarter}' ORDER BY 1"));
        }

        // Each lead hears of each window; Homicide's lead also gets both reminders; Child Abuse's one.
        Assert.Equal(4L, await Count(cycle, "SELECT count(*) FROM governance.notifications WHERE recipient_id = 'lead-jigsaw'"));
        Assert.Equal(8L, await Count(cycle, "SELECT count(*) FROM governance.notifications WHERE recipient_id = 'lead-child-abuse'"));
        Assert.Equal(12L, await Count(cycle, "SELECT count(*) FROM governance.notifications WHERE recipient_id = 'lead-homicide'"));
        Assert.Equal(8L, await Count(cycle, "SELECT count(*) FROM governance.notifications WHERE recipient_id = 'lead-homicide' AND subject LIKE 'Reminder:%'"));
        Assert.Equal(12L, await Count(cycle, "SELECT count(*) FROM governance.email_outbox WHERE recipient_email = 'homicide.lead@example.police.uk'"));
        Assert.Equal(
            ["2026/27 Q1 is locked: 7 of 8 strands submitted on time", "2026/27 Q2 is locked: 7 of 8 strands submitted on time",
             "2026/27 Q3 is locked: 7 of 8 strands submitted on time", "2026/27 Q4 is locked: 7 of 8 strands submitted on time"],
            await cycle.Db.ColumnAsync("SELECT subject FROM governance.notifications WHERE recipient_id = 'board-chair' ORDER BY created_at"));

        // Late is late, and the Board sees it.
        Assert.Equal(["homicide"], await cycle.Db.ColumnAsync("SELECT DISTINCT strand_id FROM governance.submissions WHERE late"));
        var quarters = await cycle.WithAsync(sp => sp.GetRequiredService<QuarterQueries>().ListAsync(BoardMember, CancellationToken.None));
        var q1 = quarters.Single(q => q.Quarter == "2026/27 Q1");
        Assert.Equal("2026-27-Q1", q1.QuarterId);
        Assert.Equal("late", q1.Submissions.Single(s => s.StrandId == "homicide").Status);
        Assert.Equal("on time", q1.Submissions.Single(s => s.StrandId == "child-abuse").Status);

        // The record was taken at the lock, before Homicide's late submission, which follows it as a revision.
        var record = (await cycle.WithAsync(sp => sp.GetRequiredService<QuarterSnapshots>().GetAsync(BoardMember, "2026/27 Q1", CancellationToken.None)))!;
        Assert.Equal("not submitted", record.Picture.Strands.Single(s => s.StrandId == "homicide").Submission);
        Assert.Equal("on time", record.Picture.Strands.Single(s => s.StrandId == "child-abuse").Submission);
        Assert.Equal(8, record.Picture.Strands.Count);
        Assert.True(record.Picture.Strands.All(s => s.Objectives.Count > 0));
        var revision = Assert.Single(record.Revisions);
        Assert.StartsWith("Late submission by homicide after the quarter was locked", revision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_downtime_one_pass_catches_up_and_sends_one_reminder_not_a_burst()
    {
        await using var cycle = await CycleHost.StartAsync(new DateTimeOffset(2026, 6, 20, 9, 0, 0, TimeSpan.Zero));
        await cycle.RunCycleAsync();
        await cycle.SubmitAsync("jigsaw", "2026/27 Q1", new DateTimeOffset(2026, 7, 2, 9, 0, 0, TimeSpan.Zero));

        // Down from 20 June to 20 July: the window opened (1 July) and both reminders (8 and 15 July) fell due meanwhile.
        cycle.Clock.Now = new DateTimeOffset(2026, 7, 20, 9, 0, 0, TimeSpan.Zero);
        var report = await cycle.RunCycleAsync();
        var again = await cycle.RunCycleAsync();

        Assert.Contains("2026/27 Q1 reporting window opened.", report.Events);
        Assert.Equal(7, report.Events.Count(e => e.StartsWith("2026/27 Q1 reminder (+14 days)", StringComparison.Ordinal)));
        Assert.Empty(again.Events);
        Assert.Equal(7L, await Count(cycle, "SELECT count(*) FROM governance.reminders WHERE offset_days = 7 AND outcome = 'skipped'"));
        Assert.Equal(7L, await Count(cycle, "SELECT count(*) FROM governance.reminders WHERE offset_days = 14 AND outcome = 'sent'"));
        Assert.Equal(0L, await Count(cycle, "SELECT count(*) FROM governance.reminders WHERE strand_id = 'jigsaw'"));
        Assert.Equal(1L, await Count(cycle, "SELECT count(*) FROM governance.notifications WHERE recipient_id = 'lead-sapphire' AND subject LIKE 'Reminder:%'"));
    }

    [Fact]
    public async Task A_first_pass_after_a_deadline_locks_at_once_and_asks_no_lead_to_submit_by_a_date_gone()
    {
        await using var cycle = await CycleHost.StartAsync(
            new DateTimeOffset(2026, 8, 15, 9, 0, 0, TimeSpan.Zero), new Dictionary<string, string?> { ["Governance:Cycle:FirstQuarter"] = "2026/27 Q1" });

        var report = await cycle.RunCycleAsync();

        Assert.Contains("2026/27 Q1 locked (0 of 8 on time).", report.Events);
        Assert.Equal(
            ["2026/27 Q1 locked true", "2026/27 Q2 in-progress false"],
            await cycle.Db.ColumnAsync("SELECT quarter || ' ' || state || ' ' || (snapshot_id IS NOT NULL) FROM governance.quarters ORDER BY quarter"));
        Assert.Equal(0L, await Count(cycle, "SELECT count(*) FROM governance.notifications WHERE recipient_id LIKE 'lead-%'"));
        Assert.Equal(0L, await Count(cycle, "SELECT count(*) FROM governance.reminders"));
        Assert.Equal(1L, await Count(cycle, "SELECT count(*) FROM governance.notifications WHERE recipient_id = 'board-chair'"));
    }

    [Fact]
    public async Task A_quarter_record_is_never_changed_and_the_board_can_compare_two_quarters()
    {
        await using var cycle = await CycleHost.StartAsync(new DateTimeOffset(2026, 6, 20, 9, 0, 0, TimeSpan.Zero));
        await cycle.RunCycleAsync();
        cycle.Clock.Now = new DateTimeOffset(2026, 7, 30, 9, 0, 0, TimeSpan.Zero);
        await cycle.RunCycleAsync();

        // Between the two locks one Jigsaw objective goes from unassessed to Red and off track.
        var objective = (await cycle.Db.ColumnAsync("SELECT objective_id FROM board.objectives WHERE strand_id = 'jigsaw' ORDER BY text LIMIT 1"))[0];
        await cycle.Host.Services.GetRequiredService<MassTransit.IBus>().Publish(new SeriousViolence.Contracts.RipeActionUpdated
        {
            StrandId = "jigsaw", ObjectiveId = Guid.Parse(objective), Revision = 50, OccurredAt = cycle.Clock.Now, Ripe = ["Prevention"], Years = [1],
            Status = "OffTrack", Rag = "Red", PercentComplete = 10, Themes = [], Text = "Changed for the test",
        });
        await Eventually.WaitForAsync(() => cycle.Db.ScalarAsync<long>($"SELECT revision FROM board.objectives WHERE objective_id = '{objective}'"), r => r == 50, "the Board to take the change");
        cycle.Clock.Now = new DateTimeOffset(2026, 10, 30, 9, 0, 0, TimeSpan.Zero);
        await cycle.RunCycleAsync();

        var change = await Assert.ThrowsAsync<PostgresException>(() => cycle.Db.ScalarAsync<int>("UPDATE governance.quarter_snapshots SET taken_by = 'someone' RETURNING 1"));
        Assert.Equal("P0001", change.SqlState);
        await Assert.ThrowsAsync<PostgresException>(() => cycle.Db.ScalarAsync<int>("DELETE FROM governance.quarter_snapshots RETURNING 1"));
        await Assert.ThrowsAsync<PostgresException>(() => cycle.Db.ScalarAsync<int>("TRUNCATE governance.quarter_snapshots CASCADE"));
        Assert.Equal(2L, await Count(cycle, "SELECT count(*) FROM governance.quarter_snapshots"));

        var asAtQ1 = (await cycle.WithAsync(sp => sp.GetRequiredService<QuarterSnapshots>().GetAsync(BoardMember, "2026/27 Q1", CancellationToken.None)))!;
        Assert.Null(asAtQ1.Picture.Strands.Single(s => s.StrandId == "jigsaw").Objectives.Single(o => o.ObjectiveId == Guid.Parse(objective)).Rag);
        var comparison = (await cycle.WithAsync(sp => sp.GetRequiredService<QuarterSnapshots>().CompareAsync(BoardMember, "2026/27 Q1", "2026/27 Q2", CancellationToken.None)))!;
        var moved = Assert.Single(comparison.Objectives);
        Assert.Equal((Guid.Parse(objective), "Red", "OffTrack", true), (moved.ObjectiveId, moved.RagAfter, moved.StatusAfter, moved.Worse));
        Assert.Single(comparison.Worse);

        // Over HTTP, as the Board's tools see it.
        var list = await cycle.Host.Client.GetFromJsonAsync<JsonElement>("api/quarters");
        Assert.Equal(["2026/27 Q3", "2026/27 Q2", "2026/27 Q1"], list.EnumerateArray().Select(q => q.GetProperty("quarter").GetString()));
        Assert.Equal("locked", list[2].GetProperty("state").GetString());
        Assert.Equal("in-progress", list[0].GetProperty("state").GetString());
        Assert.Equal("locked", list[1].GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, list[0].GetProperty("snapshotId").ValueKind);
        var compared = await cycle.Host.Client.GetFromJsonAsync<JsonElement>("api/quarters/2026-27-Q1/compare/2026-27-Q2");
        Assert.Equal("Red", compared.GetProperty("objectives")[0].GetProperty("ragAfter").GetString());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await cycle.Host.Client.GetAsync("api/quarters/2026-27-Q3/record")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await cycle.Host.Client.GetAsync("api/quarters/Q9/record")).StatusCode);
        var openApi = await cycle.Host.Client.GetStringAsync("openapi/v1.json");
        Assert.Contains("\"/api/quarters\"", openApi, StringComparison.Ordinal);
        Assert.Contains("\"/api/quarters/{quarterId}/pack.pdf\"", openApi, StringComparison.Ordinal);
    }

    private static Task<long> Count(CycleHost cycle, string sql) => cycle.Db.ScalarAsync<long>(sql);
}
