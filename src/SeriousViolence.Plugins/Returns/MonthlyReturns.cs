using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SeriousViolence.Abstractions;
using SeriousViolence.Abstractions.Csv;
using SeriousViolence.Contracts;

namespace SeriousViolence.Plugins.Returns;

/// <summary>What became of a command on a return: saved, refused as invalid (errors by field) or refused as a concurrent edit.</summary>
public sealed record ReturnResult(MonthlyReturn? Saved, IReadOnlyDictionary<string, string[]> Errors, string? Conflict)
{
    public bool Succeeded => Saved is not null;

    internal static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    internal static ReturnResult Invalid(string field, string message) => new(null, new Dictionary<string, string[]> { [field] = [message] }, null);
}

/// <summary>How the pages, exports and messages write a return's month, place and status.</summary>
public static class ReturnText
{
    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Name(ReturnDefinition definition, string geography) =>
        definition?.Geographies.GetValueOrDefault(geography) ?? Geographies.Boroughs.GetValueOrDefault(geography, geography);

    public static string Status(ReturnStatus status) => status switch
    {
        ReturnStatus.Draft => "awaiting approval",
        ReturnStatus.Approved => "approved",
        _ => "correction awaiting approval",
    };
}

/// <summary>
/// A strand's monthly returns: an action owner or lead prepares a return, a lead (not the person who prepared it)
/// approves it, and only then does it count: its figures feed the measures the return declares and the strand's Board
/// highlight, through the strand's outbox in the same transaction. An approved return is changed only by a correction
/// with a reason, approved in turn, which revises the observations (the earlier revision is kept).
/// </summary>
public sealed class MonthlyReturns<TContext>(TContext db, IRefusalLog refusals, IExportLog exports, TimeProvider clock)
    where TContext : StrandDbContext
{
    private string StrandId => db.Strand.Id;

    /// <summary>The returns (every status), newest month first: for the strand's leads and action owners.</summary>
    public async Task<IReadOnlyList<MonthlyReturn>> ListAsync(Actor actor, ReturnDefinition definition, CancellationToken cancellationToken)
    {
        await EnsureAsync(actor, definition.Prepare, "read", cancellationToken);
        return await db.Set<MonthlyReturn>().AsNoTracking().Where(r => r.ReturnKey == definition.Key)
            .OrderByDescending(r => r.Month).ThenBy(r => r.Geography).ToListAsync(cancellationToken);
    }

    /// <summary>A return's approved revisions, oldest first.</summary>
    public async Task<IReadOnlyList<MonthlyReturnRevision>> RevisionsAsync(Actor actor, ReturnDefinition definition, Guid returnId, CancellationToken cancellationToken)
    {
        await EnsureAsync(actor, definition.Prepare, "read", cancellationToken);
        var known = await db.Set<MonthlyReturn>().AsNoTracking().AnyAsync(r => r.Id == returnId && r.ReturnKey == definition.Key, cancellationToken);
        return known ? await db.Set<MonthlyReturnRevision>().AsNoTracking().Where(r => r.ReturnId == returnId).OrderBy(r => r.Revision).ToListAsync(cancellationToken) : [];
    }

    /// <summary>
    /// Prepares a new return (<paramref name="expectedVersion"/> null) or changes one (the version the person read).
    /// Changing an approved return is a correction: it needs a reason, and the approved figures count until a lead
    /// approves it.
    /// </summary>
    public async Task<ReturnResult> PrepareAsync(Actor actor, ReturnDefinition definition, ReturnForm form, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(form);
        await EnsureAsync(actor, definition.Prepare, "prepare", cancellationToken);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        db.ActingAs = actor;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(definition, cancellationToken);
        var geography = (form.Geography ?? "").Trim();
        _ = DateOnly.TryParseExact((form.Month ?? "").Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month);
        var current = await db.Set<MonthlyReturn>().SingleOrDefaultAsync(r => r.ReturnKey == definition.Key && r.Geography == geography && r.Month == month, cancellationToken);
        if (current is not null && expectedVersion is null)
        {
            return ReturnResult.Invalid(nameof(ReturnForm.Month),
                $"There is already a {definition.Title} for {ReturnText.Name(definition, current.Geography)}, {ReturnText.Month(current.Month)} ({Describe(current)}): open it to change it.");
        }

        if (current is null && expectedVersion is not null || current is not null && current.Version != expectedVersion)
        {
            return new ReturnResult(null, ReturnResult.NoErrors, current is null
                ? "This return no longer exists as you read it; reload the page."
                : $"{current.UpdatedBy} changed this return at {current.UpdatedAt:HH:mm} UTC ({Describe(current)}); your entry was not saved. Check theirs and, if yours is right, enter it again.");
        }

        var correcting = current is { Status: ReturnStatus.Approved or ReturnStatus.CorrectionPending };
        var errors = form.Validate(definition, today, correcting, out var input);
        if (errors.Count > 0)
        {
            return new ReturnResult(null, errors, null);
        }

        if (current is null)
        {
            current = new MonthlyReturn
            {
                Id = Guid.CreateVersion7(now), StrandId = StrandId, ReturnKey = definition.Key, Geography = input.Geography, Month = input.Month,
                Figures = "{}", Status = ReturnStatus.Draft, PreparedBy = actor.DisplayName, PreparedById = actor.Id, Version = 1,
                CreatedAt = now, CreatedBy = actor.DisplayName, UpdatedBy = actor.DisplayName,
            };
            db.Set<MonthlyReturn>().Add(current);
        }
        else
        {
            db.Entry(current).Property(r => r.Version).OriginalValue = expectedVersion!.Value;
            current.Version = expectedVersion.Value + 1;
            current.Status = correcting ? ReturnStatus.CorrectionPending : ReturnStatus.Draft;
        }

        current.Figures = MonthlyReturn.Write(input.Figures);
        current.Marking = input.Marking;
        current.CorrectionReason = input.Reason;
        current.PreparedBy = actor.DisplayName;
        current.PreparedById = actor.Id;
        current.PreparedAt = now;
        current.UpdatedAt = now;
        current.UpdatedBy = actor.DisplayName;
        return await SaveAsync(definition, current, transaction, approved: false, now, cancellationToken);
    }

    /// <summary>A lead approves a prepared return or correction, so that it counts. The person who prepared it may not.</summary>
    public async Task<ReturnResult> ApproveAsync(Actor actor, ReturnDefinition definition, Guid returnId, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        await EnsureAsync(actor, definition.Approve, "approve", cancellationToken);
        var now = clock.GetUtcNow();
        db.ActingAs = actor;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(definition, cancellationToken);
        var current = await db.Set<MonthlyReturn>().SingleOrDefaultAsync(r => r.Id == returnId && r.ReturnKey == definition.Key, cancellationToken);
        if (current is null)
        {
            return ReturnResult.Invalid("Return", $"There is no such {definition.Title}.");
        }

        if (current.Version != expectedVersion)
        {
            return new ReturnResult(null, ReturnResult.NoErrors,
                $"{current.UpdatedBy} changed this return at {current.UpdatedAt:HH:mm} UTC ({Describe(current)}) after you read it; it was not approved. Check the figures again.");
        }

        if (current.Status == ReturnStatus.Approved)
        {
            return ReturnResult.Invalid("Return",
                $"{ReturnText.Name(definition, current.Geography)}, {ReturnText.Month(current.Month)} is approved already (revision {current.Revision}, by {current.ApprovedBy}); to change it, prepare a correction with a reason.");
        }

        if (current.PreparedById == actor.Id)
        {
            return ReturnResult.Invalid("Return", "You prepared this return, so another of the strand's leads must approve it: a return is checked by a second person before it counts.");
        }

        db.Entry(current).Property(r => r.Version).OriginalValue = expectedVersion;
        current.Version = expectedVersion + 1;
        current.Status = ReturnStatus.Approved;
        current.ApprovedFigures = current.Figures;
        current.Revision++;
        current.ApprovedBy = actor.DisplayName;
        current.ApprovedById = actor.Id;
        current.ApprovedAt = now;
        current.UpdatedAt = now;
        current.UpdatedBy = actor.DisplayName;
        db.Set<MonthlyReturnRevision>().Add(new MonthlyReturnRevision
        {
            ReturnId = current.Id, Revision = current.Revision, StrandId = StrandId, Figures = current.Figures, PreparedBy = current.PreparedBy,
            ApprovedBy = actor.DisplayName, ApprovedAt = now, Reason = current.CorrectionReason, Marking = current.Marking,
        });
        return await SaveAsync(definition, current, transaction, approved: true, now, cancellationToken);
    }

    /// <summary>
    /// Every return as CSV (approved figures where approved, else the prepared ones, with the status saying which), with
    /// the highest marking of its rows at the top and bottom. The download is recorded in the audit trail.
    /// </summary>
    public async Task<(string Csv, ProtectiveMarking Marking)> ExportCsvAsync(Actor actor, ReturnDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        AccessPolicy.Ensure(actor, Capability.Export);
        var returns = await ListAsync(actor, definition, cancellationToken);
        var marking = ProtectiveMarkings.Highest(returns.Select(r => r.Marking));
        var now = clock.GetUtcNow();
        var sb = new StringBuilder();
        MarkedCsv.Begin(sb, marking, $"{definition.Title}: every return", now);
        CsvText.Row(sb, ["month", "geography", "name", "status", "revision", .. definition.Fields.Select(f => f.Code), "prepared_by", "prepared_at_utc", "approved_by", "approved_at_utc", "correction_reason", "marking"]);
        foreach (var r in returns.OrderBy(r => r.Month).ThenBy(r => r.Geography, StringComparer.Ordinal))
        {
            var figures = r.ApprovedValues ?? r.PreparedValues;
            CsvText.Row(sb,
            [
                r.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), r.Geography, ReturnText.Name(definition, r.Geography), ReturnText.Status(r.Status), r.Revision.ToString(CultureInfo.InvariantCulture),
                .. definition.Fields.Select(f => figures.TryGetValue(f.Code, out var v) ? v.ToString(CultureInfo.InvariantCulture) : ""),
                r.PreparedBy, Utc(r.PreparedAt), r.ApprovedBy ?? "", r.ApprovedAt is { } at ? Utc(at) : "", r.CorrectionReason ?? "", r.Marking.Label(),
            ]);
        }

        MarkedCsv.End(sb, marking);
        await exports.RecordExportAsync(actor, $"the {definition.Title} returns (CSV, {returns.Count} rows)", definition.PagePath, StrandId, marking, cancellationToken);
        return (sb.ToString(), marking);
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Describe(MonthlyReturn r) => r.Status switch
    {
        ReturnStatus.Draft => $"prepared by {r.PreparedBy}, awaiting approval",
        ReturnStatus.Approved => $"approved by {r.ApprovedBy}, revision {r.Revision}",
        _ => $"a correction by {r.PreparedBy} awaiting approval",
    };

    private async Task EnsureAsync(Actor actor, StrandCapability capability, string verb, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        try
        {
            AccessPolicy.Ensure(actor, capability, StrandId);
        }
        catch (AccessDeniedException denied)
        {
            // Recorded here, whatever the entry point (page, API, job), so no refused attempt escapes the audit trail.
            await refusals.RecordDeniedAsync(denied, $"{verb} a monthly return", cancellationToken);
            throw;
        }
    }

    /// <summary>One writer per return at a time: London's totals and the highlight are computed from all its returns.</summary>
    private Task<int> LockAsync(ReturnDefinition definition, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext({0}))", [$"{db.Strand.Schema}.monthly_returns:{definition.Key}"], cancellationToken);

    private async Task<ReturnResult> SaveAsync(ReturnDefinition definition, MonthlyReturn changed, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, bool approved, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var all = await db.Set<MonthlyReturn>().Where(r => r.ReturnKey == definition.Key).ToListAsync(cancellationToken);
        if (!all.Contains(changed))
        {
            all.Add(changed);
        }

        if (approved)
        {
            foreach (var message in ReturnAnnouncements.Observations(definition, StrandId, changed, all, now))
            {
                db.Enqueue(message, now);
            }
        }

        db.Enqueue(ReturnAnnouncements.Highlights(definition, StrandId, all, now), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ReturnResult(null, ReturnResult.NoErrors, "Someone else saved this return at the same moment; yours was not saved. Reload it and try again.");
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return new ReturnResult(null, ReturnResult.NoErrors, "Someone else entered this return at the same moment; yours was not saved. Open theirs and change it if needed.");
        }

        return new ReturnResult(changed, ReturnResult.NoErrors, null);
    }
}
