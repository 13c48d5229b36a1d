using SeriousViolence.Strands.ChildAbuse.CaseReviews;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.ChildAbuse;

/// <summary>Hostile or mistaken input is refused field by field, with a message for the field, before anything is written.</summary>
public sealed class CaseReviewValidationTests(CaseReviewHostFixture fixture) : IClassFixture<CaseReviewHostFixture>
{
    private const string NotAReference = "Give the review's reference (letters, digits, spaces and / - . ( ) &, with its number, e.g. SCR 2025/07), never a child's name.";
    private const string NotAQuarter = "Give the quarter it is due in as the action plans write it, e.g. 2026/27 Q3.";

    private static readonly Dictionary<string, (string Field, RecommendationForm Form, string Message)> Cases = new(StringComparer.Ordinal)
    {
        ["a child's name for the review"] = ("SourceReview", CaseReviewHost.Form(review: "Jane Doe"), NotAReference),
        ["a NUL in the review"] = ("SourceReview", CaseReviewHost.Form(review: "SCR\0 2025/07"), "Remove control characters (such as NUL, tab or line breaks) from the review reference."),
        ["no review"] = ("SourceReview", CaseReviewHost.Form(review: "  "), "Give the review's reference, e.g. SCR 2025/07."),
        ["a lone surrogate in the recommendation"] = ("RecommendationText", CaseReviewHost.Form(text: "Share \ud800 minutes"), "The recommendation contains a broken character; type it again."),
        ["an escape sequence in the recommendation"] = ("RecommendationText", CaseReviewHost.Form(text: "Share\u001b[31m minutes"), "Remove control characters (such as NUL or tab) from the recommendation; line breaks are fine."),
        ["a megabyte of recommendation"] = ("RecommendationText", CaseReviewHost.Form(text: new string('x', 1_000_000)), "At most 2,000 characters (this has 1,000,000)."),
        ["a line break in the owner"] = ("Owner", CaseReviewHost.Form(owner: "CAIC\nPartnership"), "Remove control characters (such as NUL, tab or line breaks) from the owner."),
        ["a calendar date for the due quarter"] = ("DueQuarter", CaseReviewHost.Form(due: "2026-12-31"), NotAQuarter),
        ["a fifth quarter"] = ("DueQuarter", CaseReviewHost.Form(due: "2026/27 Q5"), NotAQuarter),
        ["mismatched years in the due quarter"] = ("DueQuarter", CaseReviewHost.Form(due: "2026/29 Q1"), NotAQuarter),
        ["year 0000 for the due quarter"] = ("DueQuarter", CaseReviewHost.Form(due: "0000/01 Q1"), NotAQuarter),
        ["a due quarter a century away"] = ("DueQuarter", CaseReviewHost.Form(due: "2126/27 Q1"), "The due quarter must be between 2000/01 Q1 and ten years from now."),
        ["a status by number"] = ("Status", CaseReviewHost.Form(status: "2"), "Choose Open, In progress, Implemented or Closed with evidence."),
        ["two statuses at once"] = ("Status", CaseReviewHost.Form(status: "Open, Closed"), "Choose Open, In progress, Implemented or Closed with evidence."),
        ["implemented without evidence"] = ("Evidence", CaseReviewHost.Form(status: "Implemented"), "Give the evidence that it was implemented (document references or links) before marking it implemented."),
        ["a marking that does not exist here"] = ("Marking", CaseReviewHost.Form(marking: "SECRET"), "Choose OFFICIAL or OFFICIAL-SENSITIVE."),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Bad_input_is_refused_with_a_message_beside_the_field_and_nothing_is_written(string input)
    {
        var (field, form, message) = Cases[input];
        var before = await fixture.CountAsync();

        var result = await CaseReviewHost.SaveAsync(fixture.Host, CaseReviewHost.Owner, form);

        Assert.False(result.Succeeded);
        Assert.Null(result.Conflict);
        Assert.Equal([field], result.Errors.Keys);
        Assert.Equal([message], result.Errors[field]);
        Assert.Equal(before, await fixture.CountAsync());
    }
}
