using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;

namespace SeriousViolence.Strands.ChildAbuse.CaseReviews;

/// <summary>
/// Daily: a due quarter ends without anyone editing the tracker, so the job re-reads it against today's date and, when
/// the picture changed (an item fell overdue), republishes the strand's highlight with its agenda text.
/// </summary>
public sealed class OverdueRecommendationsJob(ChildAbuseDbContext db, TimeProvider clock) : IStrandJob
{
    public const string Name = "child-abuse-overdue-recommendations";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        // Jobs act as the platform.
        db.ActingAs = Actor.System;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(StrandHighlights.LockSql, cancellationToken);
        var all = await db.Recommendations.AsNoTracking().ToListAsync(cancellationToken);
        var overdue = all.Count(r => r.IsOverdueOn(today));
        // Nothing to say before the first recommendation: the strand's card stays as it is.
        var published = all.Count > 0 && await StrandHighlights.PublishIfChangedAsync(db, CaseReviewHighlight.Source, CaseReviewHighlight.From(all, today), now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return $"{overdue} of {all.Count} case review recommendations overdue on {today:yyyy-MM-dd}; " +
            (published ? "the Board highlight was republished." : "the Board highlight was unchanged.");
    }
}
