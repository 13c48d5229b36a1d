using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.ChildAbuse;

/// <summary>Two people editing one recommendation never silently overwrite each other: the second is told what the first changed.</summary>
public sealed class CaseReviewConcurrencyTests(CaseReviewHostFixture fixture) : IClassFixture<CaseReviewHostFixture>
{
    [Fact]
    public async Task Of_two_edits_from_the_same_version_the_second_is_refused_and_told_what_the_first_changed()
    {
        var read = await CaseReviewHost.SavedAsync(fixture.Host, CaseReviewHost.Owner, CaseReviewHost.Form(review: "SCR 2022/09"));

        var first = await CaseReviewHost.SaveAsync(fixture.Host, CaseReviewHost.Lead,
            CaseReviewHost.Form(review: "SCR 2022/09", status: "Implemented", evidence: "Training record TR-114"), read.Id, read.Version);
        var second = await CaseReviewHost.SaveAsync(fixture.Host, CaseReviewHost.Owner,
            CaseReviewHost.Form(review: "SCR 2022/09", owner: "CAIC Review Team"), read.Id, read.Version);

        Assert.True(first.Succeeded);
        Assert.False(second.Succeeded);
        Assert.Empty(second.Errors);
        Assert.StartsWith("DCS Child Abuse saved this recommendation at ", second.Conflict, StringComparison.Ordinal);
        Assert.Contains("(version 2): owner \"CAIC Partnership Team\", status \"Implemented\", evidence \"Training record TR-114\". Your changes were not saved", second.Conflict, StringComparison.Ordinal);
        Assert.Equal(["CAIC Partnership Team|Implemented|2"],
            await fixture.Db.ColumnAsync("SELECT owner || '|' || status || '|' || version FROM strand_child_abuse.case_review_recommendations WHERE source_review = 'SCR 2022/09'"));
    }
}
