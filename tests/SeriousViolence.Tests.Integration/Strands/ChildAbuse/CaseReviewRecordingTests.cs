using System.Net;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.ChildAbuse;

/// <summary>An action owner keeps the tracker: the recommendation is stored in the strand's schema, audited with them, marked, and exported with its marking.</summary>
public sealed class CaseReviewRecordingTests(CaseReviewHostFixture fixture) : IClassFixture<CaseReviewHostFixture>
{
    [Fact]
    public async Task An_action_owner_records_a_recommendation_audited_with_them_as_actor_and_the_csv_carries_its_marking()
    {
        var saved = await CaseReviewHost.SavedAsync(fixture.Host, CaseReviewHost.Owner,
            CaseReviewHost.Form(review: "SCR 2024/11", text: "Review \"=SUM(A1)\" referrals, daily", marking: "OFFICIAL-SENSITIVE"));

        Assert.Equal(1, saved.Version);
        Assert.Equal(
            ["SCR 2024/11|2026/27 Q3|2026-12-31|Open|1|DI CAIC Partnership"],
            await fixture.Db.ColumnAsync("SELECT source_review || '|' || due_quarter || '|' || due_by || '|' || status || '|' || marking || '|' || created_by FROM strand_child_abuse.case_review_recommendations WHERE source_review = 'SCR 2024/11'"));
        Assert.Equal(
            ["ca-owner|change|child-abuse|OFFICIAL-SENSITIVE"],
            await fixture.Db.ColumnAsync($"SELECT actor_id || '|' || kind || '|' || strand_id || '|' || marking FROM platform.audit_records WHERE entity = 'strand_child_abuse.case_review_recommendations' AND entity_id = '{saved.Id}'"));

        // The CSV: marked first and last, formula-safe, with the row.
        var response = await fixture.Host.Client.GetAsync("api/strands/child-abuse/case-review-recommendations.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("OFFICIAL-SENSITIVE", lines[0]);
        Assert.Equal("OFFICIAL-SENSITIVE", lines[^1]);
        Assert.StartsWith("Source review,Recommendation,Owner,Due quarter,Status,Overdue,", lines[2], StringComparison.Ordinal);
        Assert.Contains(
            "export|child-abuse|OFFICIAL-SENSITIVE|/strands/child-abuse/case-reviews",
            await fixture.Db.ColumnAsync("SELECT kind || '|' || strand_id || '|' || marking || '|' || entity_id FROM platform.audit_records WHERE kind = 'export' AND summary LIKE 'downloaded the serious case review recommendations (CSV, %'"));
        Assert.Contains(lines, l => l.StartsWith("SCR 2024/11,\"Review \"\"=SUM(A1)\"\" referrals, daily\",CAIC Partnership Team,2026/27 Q3,Open,no,,OFFICIAL-SENSITIVE,1,DI CAIC Partnership,", StringComparison.Ordinal));
    }
}
