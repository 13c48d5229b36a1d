using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Governance.Scheduling;
using SeriousViolence.Strands.ChildAbuse.CaseReviews;
using SeriousViolence.Tests.Integration.Governance;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.ChildAbuse;

/// <summary>
/// A due quarter ends without anyone editing the tracker: the strand's daily job finds the recommendation overdue and
/// republishes the highlight with its agenda text, which reaches the Board's read model and its draft agenda.
/// </summary>
public sealed class OverdueRecommendationsJobTests
{
    private static readonly Actor Administrator = Actor.WithRoles("admin", "Test administrator", new RoleGrant(Role.Administrator));

    [Fact]
    public async Task When_the_due_quarter_ends_the_daily_job_puts_the_overdue_recommendation_on_the_boards_agenda_and_closing_it_takes_it_off()
    {
        await using var db = await TestDatabase.CreateAsync();
        var clock = new ManualClock(CaseReviewHost.Start);
        await using var host = await CaseReviewHost.StartAsync(db, clock);
        var due = await CaseReviewHost.SavedAsync(host, CaseReviewHost.Owner, CaseReviewHost.Form(review: "SCR 2025/07", due: "2026/27 Q3"));
        await CaseReviewHost.SavedAsync(host, CaseReviewHost.Owner, CaseReviewHost.Form(review: "CSPR 2026-02", due: "2026/27 Q4"));
        var card = await BoardHighlightAsync(db, h => Text(h, "status") == "good");
        Assert.Null(Text(card, "agenda"));

        // The last day of the quarter: not yet overdue, and the job changes nothing.
        clock.Now = new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero);
        Assert.Equal("0 of 2 case review recommendations overdue on 2026-12-31; the Board highlight was unchanged.", await RunJobAsync(host));

        // The quarter has ended: the job finds it overdue and republishes.
        clock.Now = new DateTimeOffset(2027, 1, 1, 0, 10, 0, TimeSpan.Zero);
        Assert.Equal("1 of 2 case review recommendations overdue on 2027-01-01; the Board highlight was republished.", await RunJobAsync(host));
        const string Agenda = "1 serious case review recommendation overdue (the oldest due 2026/27 Q3, SCR 2025/07, owned by CAIC Partnership Team)";
        card = await BoardHighlightAsync(db, h => Text(h, "agenda") == Agenda);
        Assert.Equal("concern", Text(card, "status"));
        Assert.Equal("1", Figure(card, "Overdue"));
        var agenda = WebUtility.HtmlDecode(await host.Client.GetStringAsync("board/agenda"));
        Assert.Contains(Agenda, agenda, StringComparison.Ordinal);
        Assert.Contains("href=\"strands/child-abuse/case-reviews\"", agenda, StringComparison.Ordinal);
        // The job ran as the platform; the strand page's section lists the overdue item.
        var page = WebUtility.HtmlDecode(await host.Client.GetStringAsync("strands/child-abuse"));
        Assert.Contains("2 recommendations, 2 open, 1 overdue.", page, StringComparison.Ordinal);
        Assert.Contains("data-recommendation=\"SCR 2025/07\"", page, StringComparison.Ordinal);

        // Implemented with its evidence: off the agenda at once, by the command itself.
        await CaseReviewHost.SavedAsync(host, CaseReviewHost.Owner,
            CaseReviewHost.Form(review: "SCR 2025/07", due: "2026/27 Q3", status: "Implemented", evidence: "Procedure note PN-2027-01"), due.Id, due.Version);
        card = await BoardHighlightAsync(db, h => Figure(h, "Overdue") == "0");
        Assert.Null(Text(card, "agenda"));
        Assert.Equal("1 of 2", Figure(card, "Implemented or closed"));
        Assert.DoesNotContain(Agenda, WebUtility.HtmlDecode(await host.Client.GetStringAsync("board/agenda")), StringComparison.Ordinal);
        // One publication per change of the picture: two recordings, the job's republication, the implementation (the unchanged run published nothing).
        Assert.Equal(4L, await db.ScalarAsync<long>("SELECT count(*) FROM strand_child_abuse.outbox_messages WHERE message_type LIKE '%StrandHighlightsPublished'"));
    }

    /// <summary>Runs the job as its schedule would, in a scope of its own; it must be on the platform's schedule, daily.</summary>
    private static async Task<string> RunJobAsync(TestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var listed = (await scope.ServiceProvider.GetRequiredService<JobsAdmin>().ListAsync(Administrator, CancellationToken.None)).Single(j => j.Name == OverdueRecommendationsJob.Name);
        Assert.Equal("0 10 0 * * ?", listed.Schedule);
        return await scope.ServiceProvider.GetRequiredService<OverdueRecommendationsJob>().RunAsync(CancellationToken.None);
    }

    /// <summary>The tracker's one highlight as the Board's read model holds it (the strand's other registers publish under other sources).</summary>
    private static async Task<JsonElement> BoardHighlightAsync(TestDatabase db, Func<JsonElement, bool> done)
    {
        var rows = await Eventually.WaitForAsync(
            () => db.ColumnAsync("SELECT highlights::text FROM board.strand_highlights WHERE strand_id = 'child-abuse' AND source = 'case-reviews'"),
            rows => rows.Count == 1 && done(Single(rows[0])),
            "the tracker's highlight on the Board");
        return Single(rows[0]);
    }

    private static JsonElement Single(string json) => JsonDocument.Parse(json).RootElement.EnumerateArray().Single().Clone();

    private static string? Text(JsonElement highlight, string property) =>
        highlight.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, property, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    private static string? Figure(JsonElement highlight, string label) =>
        highlight.EnumerateObject().Single(p => string.Equals(p.Name, "figures", StringComparison.OrdinalIgnoreCase)).Value.EnumerateArray()
            .Where(f => Text(f, "label") == label).Select(f => Text(f, "value")).SingleOrDefault();
}
