using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SeriousViolence.Abstractions;
using SeriousViolence.Contracts;
using SeriousViolence.Plugins;

namespace SeriousViolence.Tests.NinthStrand.Returns;

/// <summary>What became of a return the lead entered: saved, refused as invalid (errors by field) or refused as a concurrent edit.</summary>
public sealed record TestReturnResult(TestReturn? Saved, IReadOnlyDictionary<string, string[]> Errors, string? Conflict)
{
    public bool Succeeded => Saved is not null;
}

/// <summary>
/// Records a monthly return and, in the same transaction, everything the strand says about it: its own message, the
/// observations of the measure it owns (the borough and London's total) and its highlight on the Board.
/// </summary>
public sealed class TestReturnCommands(NinthDbContext db, IRefusalLog refusals, TimeProvider clock)
{
    /// <summary>Held by the test strand's leads and action owners; decided by the one access policy.</summary>
    public static readonly StrandCapability RecordReturn = new("record-test-return", "record a test return");

    /// <summary>
    /// Saves the return for its borough and month. <paramref name="expectedVersion"/> is the version the person read
    /// (null for a new return): if someone saved it since, nothing is written and the conflict says what they saved.
    /// </summary>
    public async Task<TestReturnResult> RecordAsync(Actor actor, TestReturnForm form, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        try
        {
            AccessPolicy.Ensure(actor, RecordReturn, NinthStrand.Strand.Id);
        }
        catch (AccessDeniedException denied)
        {
            // Recorded here, whatever the entry point, so that no refused attempt escapes the audit trail.
            await refusals.RecordDeniedAsync(denied, "record a test return", cancellationToken);
            throw;
        }

        var now = clock.GetUtcNow();
        var errors = form.Validate(DateOnly.FromDateTime(now.UtcDateTime), out var input);
        if (errors.Count > 0)
        {
            return new TestReturnResult(null, errors, null);
        }

        db.ActingAs = actor;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // One writer at a time: London's total and the highlight are computed from every return, and their revisions
        // (sums of versions) must never be given twice to different values.
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('strand_ninth_test.test_returns'))", cancellationToken);
        var all = await db.Returns.ToListAsync(cancellationToken);
        var current = all.SingleOrDefault(r => r.Borough == input.Borough && r.Month == input.Month);
        if (current is not null && current.Version != expectedVersion)
        {
            return new TestReturnResult(null, NoErrors, ConflictText(current));
        }

        if (current is null)
        {
            current = new TestReturn
            {
                Id = Guid.CreateVersion7(now), Borough = input.Borough, Month = input.Month, PreparedBy = input.PreparedBy,
                CreatedAt = now, CreatedBy = actor.DisplayName, UpdatedBy = actor.DisplayName, Version = 1,
            };
            db.Returns.Add(current);
            all.Add(current);
        }
        else
        {
            // The version the person read is the one the UPDATE must find (a second guard besides the lock).
            db.Entry(current).Property(r => r.Version).OriginalValue = expectedVersion!.Value;
            current.Version = expectedVersion.Value + 1;
            current.UpdatedBy = actor.DisplayName;
        }

        current.Count = input.Count;
        current.PreparedBy = input.PreparedBy;
        current.Marking = input.Marking;
        current.UpdatedAt = now;
        Announce(current, all, actor, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new TestReturnResult(null, NoErrors, "Someone else saved this return at the same moment; your entry was not saved. Reload it and enter your figure again.");
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return new TestReturnResult(null, NoErrors, "Someone else entered a return for this borough and month at the same moment; your entry was not saved. Open theirs and change it if needed.");
        }

        return new TestReturnResult(current, NoErrors, null);
    }

    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private static string ConflictText(TestReturn current) =>
        $"{current.UpdatedBy} saved the return for {BoroughName(current.Borough)}, {MonthText(current.Month)} at {current.UpdatedAt:HH:mm} UTC " +
        $"(count {current.Count}, version {current.Version}); your entry was not saved. Check their figure and, if yours is right, enter it again.";

    public static string BoroughName(string code) => Geographies.Boroughs.GetValueOrDefault(code, code);

    public static string MonthText(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The strand's messages about the change, in the same SaveChanges as the change.</summary>
    private void Announce(TestReturn changed, IReadOnlyList<TestReturn> all, Actor actor, DateTimeOffset now)
    {
        db.Enqueue(new TestReturnRecorded
        {
            ReturnId = changed.Id, StrandId = NinthStrand.Strand.Id, Borough = changed.Borough, Month = changed.Month,
            Count = changed.Count, Version = changed.Version, RecordedBy = actor.DisplayName, OccurredAt = now,
        }, now);

        var month = all.Where(r => r.Month == changed.Month).ToList();
        db.Enqueue(Observations(changed.Borough, changed.Month, changed.Count, changed.Version, now), now);
        // London is the sum of the boroughs that made a return; its revision, the sum of their versions, rises with any change.
        db.Enqueue(Observations(Geographies.London, changed.Month, month.Sum(r => r.Count), month.Sum(r => r.Version), now), now);
        db.Enqueue(NinthHighlights.From(all, now), now);
    }

    private static MeasureObservationsRecorded Observations(string geography, DateOnly month, int value, long revision, DateTimeOffset now) => new()
    {
        MeasureCode = NinthStrand.ReturnsMeasure.Code,
        StrandIds = [NinthStrand.Strand.Id],
        Geography = geography,
        OccurredAt = now,
        Observations = [new RecordedObservation { PeriodStart = month, PeriodKind = "month", Value = value, Revision = checked((int)revision) }],
    };
}
