using System.Text;
using SeriousViolence.Abstractions;
using SeriousViolence.Abstractions.Csv;

namespace SeriousViolence.Strands.ChildAbuse.CaseReviews;

/// <summary>The tracker as CSV, marked at the top and bottom with the highest marking of its rows.</summary>
public static class RecommendationsCsv
{
    public static string Write(IReadOnlyCollection<Recommendation> all, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(all);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var marking = ProtectiveMarkings.Highest(all.Select(r => r.Marking));
        var sb = new StringBuilder();
        MarkedCsv.Begin(sb, marking, "Child Abuse: serious case review recommendations", now);
        CsvText.Row(sb, "Source review", "Recommendation", "Owner", "Due quarter", "Status", "Overdue", "Evidence", "Marking", "Version", "Last changed by", "Last changed at (UTC)");
        foreach (var r in all)
        {
            CsvText.Row(sb, r.SourceReview, r.RecommendationText, r.Owner, r.DueQuarter, r.Status.Label(), r.IsOverdueOn(today) ? "yes" : "no", r.Evidence,
                r.Marking.Label(), r.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), r.UpdatedBy,
                r.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        }

        MarkedCsv.End(sb, marking);
        return sb.ToString();
    }
}
