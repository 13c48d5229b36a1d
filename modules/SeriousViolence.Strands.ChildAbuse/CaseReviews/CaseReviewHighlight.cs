using System.Globalization;
using SeriousViolence.Abstractions;
using SeriousViolence.Contracts;

namespace SeriousViolence.Strands.ChildAbuse.CaseReviews;

/// <summary>What the tracker says on the strand's Board card, and asks of the Board's agenda when items are overdue.</summary>
public static class CaseReviewHighlight
{
    public const string Key = "case-review-recommendations";

    /// <summary>The register's own highlights on the Board (the strand's monthly returns publish theirs under another).</summary>
    public const string Source = "case-reviews";

    public static StrandHighlight From(IReadOnlyCollection<Recommendation> all, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(all);
        var open = all.Where(r => r.Status is RecommendationStatus.Open or RecommendationStatus.InProgress).ToList();
        var overdue = open.Where(r => r.IsOverdueOn(today)).OrderBy(r => r.DueBy).ToList();
        var done = all.Count - open.Count;
        string? agenda = null;
        if (overdue.Count > 0)
        {
            var noun = overdue.Count == 1 ? "recommendation" : "recommendations";
            agenda = string.Create(CultureInfo.InvariantCulture,
                $"{overdue.Count} serious case review {noun} overdue (the oldest due {overdue[0].DueQuarter}, {overdue[0].SourceReview}, owned by {overdue[0].Owner})");
        }

        return new StrandHighlight
        {
            Key = Key,
            Title = "Case review recommendations",
            Figures =
            [
                new HighlightFigure { Label = "Open", Value = open.Count.ToString(CultureInfo.InvariantCulture) },
                new HighlightFigure { Label = "Overdue", Value = overdue.Count.ToString(CultureInfo.InvariantCulture) },
                new HighlightFigure { Label = "Implemented or closed", Value = $"{done} of {all.Count}" },
            ],
            // Concern while any is overdue; good once there are recommendations and none is.
            Status = overdue.Count > 0 ? "concern" : all.Count == 0 ? "neutral" : "good",
            Link = ChildAbuseStrand.CaseReviewsPath,
            Marking = ProtectiveMarkings.Highest(all.Select(r => r.Marking)).Label(),
            Agenda = agenda,
        };
    }
}
