using Microsoft.EntityFrameworkCore;
using Npgsql;
using SeriousViolence.Abstractions;

namespace SeriousViolence.Strands.SeriousYouthViolence.DiversionSchemes;

/// <summary>What became of a save: saved, refused as invalid (errors by field), refused as a concurrent edit, or not found.</summary>
public sealed record SchemeResult(DiversionScheme? Saved, IReadOnlyDictionary<string, string[]> Errors, string? Conflict, bool NotFound = false)
{
    public bool Succeeded => Saved is not null;
}

/// <summary>Records and changes diversion schemes and, in the same transaction, the strand's coverage highlight on the Board.</summary>
public sealed class SchemeCommands(SeriousYouthViolenceDbContext db, IRefusalLog refusals, TimeProvider clock)
{
    /// <summary>Held by the strand's leads and action owners.</summary>
    public static readonly StrandCapability KeepSchemes = new("keep-diversion-schemes", "keep the youth diversion schemes register");

    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    /// <summary>
    /// Saves a new scheme (<paramref name="id"/> null) or a change to one from the version the person read; if someone
    /// saved it since, nothing is written and the conflict says what they saved.
    /// </summary>
    public async Task<SchemeResult> SaveAsync(Actor actor, SchemeForm form, Guid? id, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        try
        {
            AccessPolicy.Ensure(actor, KeepSchemes, SeriousYouthViolenceStrand.Strand.Id);
        }
        catch (AccessDeniedException denied)
        {
            // Recorded here, whatever the entry point, so that no refused attempt escapes the audit trail.
            await refusals.RecordDeniedAsync(denied, KeepSchemes.Description, cancellationToken);
            throw;
        }

        var now = clock.GetUtcNow();
        var errors = form.Validate(DateOnly.FromDateTime(now.UtcDateTime), out var input);
        if (errors.Count > 0)
        {
            return new SchemeResult(null, errors, null);
        }

        db.ActingAs = actor;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(StrandHighlights.LockSql, cancellationToken);
        var all = await db.Schemes.ToListAsync(cancellationToken);
        var duplicate = all.FirstOrDefault(s => s.Id != id && s.Borough == input.Borough && string.Equals(s.Name, input.Name, StringComparison.OrdinalIgnoreCase));
        if (duplicate is not null)
        {
            return new SchemeResult(null, new Dictionary<string, string[]> { [nameof(SchemeForm.Name)] = [$"{SchemeBoroughs.Name(input.Borough)} already has a scheme named \"{duplicate.Name}\"; change that one instead."] }, null);
        }

        DiversionScheme current;
        if (id is null)
        {
            current = new DiversionScheme
            {
                Id = Guid.CreateVersion7(now), Name = input.Name, Borough = input.Borough, Partner = input.Partner,
                CreatedAt = now, CreatedBy = actor.DisplayName, UpdatedBy = actor.DisplayName, Version = 1,
            };
            db.Schemes.Add(current);
            all.Add(current);
        }
        else
        {
            var found = all.SingleOrDefault(s => s.Id == id);
            if (found is null)
            {
                return new SchemeResult(null, NoErrors, null, NotFound: true);
            }

            if (found.Version != expectedVersion)
            {
                return new SchemeResult(null, NoErrors, ConflictText(found, form));
            }

            current = found;
            current.Version = found.Version + 1;
            current.UpdatedBy = actor.DisplayName;
        }

        current.Name = input.Name;
        current.Borough = input.Borough;
        current.Partner = input.Partner;
        current.AgeFrom = input.AgeFrom;
        current.AgeTo = input.AgeTo;
        current.Status = input.Status;
        current.LastReviewed = input.LastReviewed;
        current.Marking = input.Marking;
        current.UpdatedAt = now;
        await StrandHighlights.PublishIfChangedAsync(db, SchemeCoverage.HighlightSource, SchemeCoverage.Of(all).Highlight(all), now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SchemeResult(null, NoErrors, "Someone else saved this scheme at the same moment; your changes were not saved. Reload it and make them again.");
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return new SchemeResult(null, NoErrors, "Someone else entered a scheme of this name in this borough at the same moment; yours was not saved.");
        }

        return new SchemeResult(current, NoErrors, null);
    }

    /// <summary>Who saved it, when, and each field where what they saved differs from what the person entered.</summary>
    private static string ConflictText(DiversionScheme current, SchemeForm entered)
    {
        var theirs = SchemeForm.From(current);
        var changed = new List<string>();
        void Compare(string label, string? mine, string saved, string shown)
        {
            if (!string.Equals((mine ?? "").Trim(), saved, StringComparison.Ordinal))
            {
                changed.Add($"{label} \"{shown}\"");
            }
        }

        Compare("name", entered.Name, theirs.Name, theirs.Name);
        Compare("borough", entered.Borough, theirs.Borough, SchemeBoroughs.Name(current.Borough));
        Compare("partner", entered.Partner, theirs.Partner, theirs.Partner);
        Compare("ages from", entered.AgeFrom, theirs.AgeFrom, theirs.AgeFrom);
        Compare("ages to", entered.AgeTo, theirs.AgeTo, theirs.AgeTo);
        Compare("status", entered.Status, theirs.Status, theirs.Status);
        Compare("last reviewed", entered.LastReviewed, theirs.LastReviewed, theirs.LastReviewed);
        Compare("marking", entered.Marking, theirs.Marking, theirs.Marking);
        var what = changed.Count == 0 ? "the same as your entry" : string.Join(", ", changed);
        return $"{current.UpdatedBy} saved this scheme at {current.UpdatedAt:HH:mm} UTC (version {current.Version}): {what}. " +
            "Your changes were not saved; check theirs and, if yours are still right, make them again.";
    }
}
