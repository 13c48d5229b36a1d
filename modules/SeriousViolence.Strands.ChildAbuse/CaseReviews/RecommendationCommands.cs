using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;

namespace SeriousViolence.Strands.ChildAbuse.CaseReviews;

/// <summary>What became of a save: saved, refused as invalid (errors by field), refused as a concurrent edit, or not found.</summary>
public sealed record RecommendationResult(Recommendation? Saved, IReadOnlyDictionary<string, string[]> Errors, string? Conflict, bool NotFound = false)
{
    public bool Succeeded => Saved is not null;
}

/// <summary>
/// Records and changes case review recommendations and, in the same transaction, the strand's highlight on the Board
/// (with an agenda item while any is overdue).
/// </summary>
public sealed class RecommendationCommands(ChildAbuseDbContext db, IRefusalLog refusals, TimeProvider clock)
{
    /// <summary>Held by the strand's leads and action owners.</summary>
    public static readonly StrandCapability KeepRecommendations = new("keep-case-review-recommendations", "keep the case review recommendations");

    /// <summary>Closing a recommendation (or changing a closed one) is the lead's decision.</summary>
    public static readonly StrandCapability CloseRecommendation = new("close-case-review-recommendation", "close a case review recommendation", LeadsOnly: true);

    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    /// <summary>
    /// Saves a new recommendation (<paramref name="id"/> null) or a change to one; <paramref name="expectedVersion"/> is
    /// the version the person read: if someone saved it since, nothing is written and the conflict says what they saved.
    /// </summary>
    public async Task<RecommendationResult> SaveAsync(Actor actor, RecommendationForm form, Guid? id, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        await EnsureAsync(actor, KeepRecommendations, cancellationToken);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = form.Validate(today, out var input);
        if (errors.Count > 0)
        {
            return new RecommendationResult(null, errors, null);
        }

        if (input.Status == RecommendationStatus.Closed)
        {
            await EnsureAsync(actor, CloseRecommendation, cancellationToken);
        }

        db.ActingAs = actor;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(StrandHighlights.LockSql, cancellationToken);
        var all = await db.Recommendations.ToListAsync(cancellationToken);
        Recommendation current;
        if (id is null)
        {
            current = new Recommendation
            {
                Id = Guid.CreateVersion7(now), SourceReview = input.SourceReview, RecommendationText = input.Text, Owner = input.Owner,
                DueQuarter = input.DueQuarter.ToString(), CreatedAt = now, CreatedBy = actor.DisplayName, UpdatedBy = actor.DisplayName, Version = 1,
            };
            db.Recommendations.Add(current);
            all.Add(current);
        }
        else
        {
            var found = all.SingleOrDefault(r => r.Id == id);
            if (found is null)
            {
                return new RecommendationResult(null, NoErrors, null, NotFound: true);
            }

            if (found.Version != expectedVersion)
            {
                return new RecommendationResult(null, NoErrors, ConflictText(found, form));
            }

            if (found.Status == RecommendationStatus.Closed)
            {
                // Reopening or rewording a closed recommendation undoes the lead's decision: theirs to make.
                await EnsureAsync(actor, CloseRecommendation, cancellationToken);
            }

            current = found;
            current.Version = found.Version + 1;
            current.UpdatedBy = actor.DisplayName;
        }

        current.SourceReview = input.SourceReview;
        current.RecommendationText = input.Text;
        current.Owner = input.Owner;
        current.DueQuarter = input.DueQuarter.ToString();
        current.DueBy = input.DueQuarter.End;
        current.Status = input.Status;
        current.Evidence = input.Evidence;
        current.Marking = input.Marking;
        current.UpdatedAt = now;
        await StrandHighlights.PublishIfChangedAsync(db, CaseReviewHighlight.Source, CaseReviewHighlight.From(all, today), now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new RecommendationResult(null, NoErrors, "Someone else saved this recommendation at the same moment; your changes were not saved. Reload it and make them again.");
        }

        return new RecommendationResult(current, NoErrors, null);
    }

    private async Task EnsureAsync(Actor actor, StrandCapability capability, CancellationToken cancellationToken)
    {
        try
        {
            AccessPolicy.Ensure(actor, capability, ChildAbuseStrand.Strand.Id);
        }
        catch (AccessDeniedException denied)
        {
            // Recorded here, whatever the entry point, so that no refused attempt escapes the audit trail.
            await refusals.RecordDeniedAsync(denied, capability.Description, cancellationToken);
            throw;
        }
    }

    /// <summary>Who saved it, when, and each field where what they saved differs from what the person entered.</summary>
    private static string ConflictText(Recommendation current, RecommendationForm entered)
    {
        var theirs = RecommendationForm.From(current);
        var changed = new List<string>();
        void Compare(string label, string mine, string saved, string shown)
        {
            if (!string.Equals((mine ?? "").Trim(), saved, StringComparison.Ordinal))
            {
                changed.Add($"{label} \"{(shown.Length > 80 ? shown[..80] + "…" : shown)}\"");
            }
        }

        Compare("review", entered.SourceReview, theirs.SourceReview, theirs.SourceReview);
        Compare("recommendation", entered.RecommendationText, theirs.RecommendationText, theirs.RecommendationText);
        Compare("owner", entered.Owner, theirs.Owner, theirs.Owner);
        Compare("due", entered.DueQuarter, theirs.DueQuarter, theirs.DueQuarter);
        Compare("status", entered.Status, theirs.Status, current.Status.Label());
        Compare("evidence", entered.Evidence, theirs.Evidence, theirs.Evidence);
        Compare("marking", entered.Marking, theirs.Marking, theirs.Marking);
        var what = changed.Count == 0 ? "the same as your entry" : string.Join(", ", changed);
        return $"{current.UpdatedBy} saved this recommendation at {current.UpdatedAt:HH:mm} UTC (version {current.Version}): {what}. " +
            "Your changes were not saved; check theirs and, if yours are still right, make them again.";
    }
}
