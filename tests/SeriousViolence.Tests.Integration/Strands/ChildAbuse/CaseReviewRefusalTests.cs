using System.Net;
using System.Net.Http.Json;
using SeriousViolence.Abstractions;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.ChildAbuse;

/// <summary>Who may keep the tracker is the one access policy's decision, on the server: another strand's lead is refused, and closing is the lead's.</summary>
public sealed class CaseReviewRefusalTests(CaseReviewHostFixture fixture) : IClassFixture<CaseReviewHostFixture>
{
    private Task<List<string>> RefusalsAsync(string actorId) =>
        fixture.Db.ColumnAsync($"SELECT actor_id || '|' || entity_id || '|' || strand_id FROM platform.audit_records WHERE kind = 'access-denied' AND actor_id = '{actorId}' ORDER BY seq");

    [Fact]
    public async Task Another_strands_lead_is_refused_by_the_command_and_over_http_nothing_is_written_and_each_refusal_is_audited_once()
    {
        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => CaseReviewHost.SaveAsync(fixture.Host, CaseReviewHost.HomicideLead, CaseReviewHost.Form(review: "SCR 2023/01")));
        Assert.Equal("keep-case-review-recommendations", denied.CapabilityName);
        Assert.Equal("DCS Homicide may not keep the case review recommendations for the strand 'child-abuse'.", denied.Message);
        Assert.Equal(["homicide-lead|keep-case-review-recommendations|child-abuse"], await RefusalsAsync("homicide-lead"));

        var user = await fixture.Host.CreateUserAsync("homicide.lead.ca@test.invalid", "DCS Homicide (HTTP)", new RoleGrant(Role.StrandLead, "homicide"));
        using var client = fixture.Host.ClientWithToken(await fixture.Host.IssueTokenAsync(user));
        var refused = await client.PostAsJsonAsync("api/strands/child-abuse/case-review-recommendations",
            new { sourceReview = "SCR 2023/01", recommendation = "Anything", owner = "CAIC", dueQuarter = "2026/27 Q3", status = "Open" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(0L, await fixture.CountAsync("source_review = 'SCR 2023/01'"));
        Assert.Equal([$"{user.Id}|keep-case-review-recommendations|child-abuse"], await RefusalsAsync(user.Id));
        // Reading stays open to every internal person, as the strand's page is.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/strands/child-abuse/case-review-recommendations")).StatusCode);
    }

    [Fact]
    public async Task Closing_a_recommendation_is_the_leads_decision_an_action_owner_is_refused_and_the_lead_closes_it_with_its_evidence()
    {
        var saved = await CaseReviewHost.SavedAsync(fixture.Host, CaseReviewHost.Owner, CaseReviewHost.Form(review: "SCR 2023/02"));
        var closing = CaseReviewHost.Form(review: "SCR 2023/02", status: "Closed", evidence: "Partnership minutes 2026-11-20, item 4");

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => CaseReviewHost.SaveAsync(fixture.Host, CaseReviewHost.Owner, closing, saved.Id, saved.Version));
        Assert.Equal("close-case-review-recommendation", denied.CapabilityName);
        Assert.Equal(["Open|1"], await fixture.Db.ColumnAsync("SELECT status || '|' || version FROM strand_child_abuse.case_review_recommendations WHERE source_review = 'SCR 2023/02'"));
        Assert.Equal(["ca-owner|close-case-review-recommendation|child-abuse"], await RefusalsAsync("ca-owner"));

        var closed = await CaseReviewHost.SavedAsync(fixture.Host, CaseReviewHost.Lead, closing, saved.Id, saved.Version);
        Assert.Equal(2, closed.Version);
        Assert.Equal(["Closed|Partnership minutes 2026-11-20, item 4|DCS Child Abuse"],
            await fixture.Db.ColumnAsync("SELECT status || '|' || evidence || '|' || updated_by FROM strand_child_abuse.case_review_recommendations WHERE source_review = 'SCR 2023/02'"));
        // Once closed, an action owner may not reopen or reword it either.
        await Assert.ThrowsAsync<AccessDeniedException>(() => CaseReviewHost.SaveAsync(fixture.Host, CaseReviewHost.Owner, CaseReviewHost.Form(review: "SCR 2023/02", status: "InProgress"), saved.Id, closed.Version));
    }
}
