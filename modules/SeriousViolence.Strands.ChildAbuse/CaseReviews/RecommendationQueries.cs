using Microsoft.EntityFrameworkCore;

namespace SeriousViolence.Strands.ChildAbuse.CaseReviews;

/// <summary>The tracker as its pages, API and CSV show it: still open first, by due quarter.</summary>
public sealed class RecommendationQueries(ChildAbuseDbContext db)
{
    public async Task<IReadOnlyList<Recommendation>> ListAsync(CancellationToken cancellationToken) =>
        (await db.Recommendations.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(r => r.Status is RecommendationStatus.Implemented or RecommendationStatus.Closed)
            .ThenBy(r => r.DueBy)
            .ThenBy(r => r.SourceReview, StringComparer.Ordinal)
            .ThenBy(r => r.CreatedAt)
            .ToList();
}
