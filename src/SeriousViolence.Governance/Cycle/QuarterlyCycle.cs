using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeriousViolence.Abstractions;
using SeriousViolence.Governance.People;
using SeriousViolence.Governance.Notifications;
using SeriousViolence.Governance.Packs;
using SeriousViolence.Governance.Snapshots;
using SeriousViolence.Platform.Strands;

namespace SeriousViolence.Governance.Cycle;

/// <summary>What one pass of the cycle did.</summary>
public sealed record CycleReport(IReadOnlyList<string> Events)
{
    public override string ToString() => Events.Count == 0 ? "Nothing was due." : string.Join(" ", Events);
}

/// <summary>
/// The financial-year quarterly cycle. <see cref="RunDueAsync"/> looks at the clock and does whatever has fallen due
/// and not yet been done: open reporting windows, send reminders to strands that have not submitted, lock quarters at
/// their deadline and take their snapshots. It works from state, not from the firing that woke it, so a pass after
/// downtime catches up on everything missed (see docs/decisions/0003), and a second pass does nothing twice.
/// </summary>
public sealed class QuarterlyCycle(
    GovernanceDbContext db,
    IOptions<CycleSettings> options,
    TimeProvider clock,
    StrandCatalog catalog,
    IGovernanceDirectory directory,
    GovernanceNotifier notifier,
    QuarterSnapshots snapshots,
    BoardPacks packs,
    SeriousViolence.Governance.Notifications.NotificationSignal signal,
    ILogger<QuarterlyCycle> logger)
{
    // Serialises passes across host instances and a manual trigger racing the schedule: "SVCYCLE".
    private const long CycleLockKey = 0x5356_4359_434C_45;

    public async Task<CycleReport> RunDueAsync(Actor actor, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.RunJobs);
        db.ActingAs = actor;
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var events = new List<string>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({CycleLockKey})", cancellationToken);
            await AddQuartersReachedAsync(settings, now, events, cancellationToken);
            // Saved (not yet committed) so that the query below sees them: a first pass both adds and advances them.
            await db.SaveChangesAsync(cancellationToken);
            var quarters = await db.Quarters.Where(q => q.State != QuarterStates.Locked).ToListAsync(cancellationToken);
            foreach (var quarter in quarters.OrderBy(q => q.StartsOn))
            {
                await AdvanceAsync(quarter, now, events, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // The notices of this pass are committed: open bells may count them now.
        signal.Raise();

        // After the lock has committed: a snapshot that fails is retried by the next pass, the lock stands.
        var unsnapped = await db.Quarters.AsNoTracking().Where(q => q.State == QuarterStates.Locked && q.SnapshotId == null)
            .Select(q => q.Quarter).ToListAsync(cancellationToken);
        foreach (var quarter in unsnapped.OrderBy(FinancialQuarter.Parse))
        {
            var id = await snapshots.TakeAsync(Actor.System, quarter, cancellationToken);
            events.Add($"Snapshot {id} taken of {quarter}.");
        }

        // The pack is printed from the record; a pack that fails (Chromium missing) is retried by the next pass.
        foreach (var quarter in await packs.QuartersWithoutPackAsync(cancellationToken))
        {
            try
            {
                if (await packs.IssueAsync(Actor.System, quarter, cancellationToken))
                {
                    events.Add($"Board pack issued for {quarter}.");
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException)
            {
                logger.LogError(ex, "The Board pack for {Quarter} could not be issued; the next pass tries again", quarter);
                events.Add($"Board pack for {quarter} failed: {ex.Message}");
            }
        }

        var report = new CycleReport(events);
        logger.LogInformation("Quarterly cycle at {Now:u}: {Report}", now, report);
        return report;
    }

    private async Task AddQuartersReachedAsync(CycleSettings settings, DateTimeOffset now, List<string> events, CancellationToken cancellationToken)
    {
        var current = FinancialQuarter.Containing(now);
        var known = (await db.Quarters.Select(q => q.Quarter).ToListAsync(cancellationToken)).Select(FinancialQuarter.Parse).ToList();
        var from = known.Count > 0
            ? known.Max().Next()
            : settings.FirstQuarter is { Length: > 0 } first ? FinancialQuarter.Parse(first) : current;
        for (var q = from; q <= current; q = q.Next())
        {
            var timetable = QuarterTimetable.For(q, settings);
            db.Quarters.Add(new QuarterRecord
            {
                Quarter = q.ToString(), StartsOn = q.Start, EndsOn = q.End, WindowOpensAt = timetable.WindowOpensAt,
                DeadlineAt = timetable.DeadlineAt, ReminderOffsetsDays = [.. timetable.ReminderOffsetsDays], State = QuarterStates.InProgress,
            });
            events.Add($"{q} entered the cycle (window opens {timetable.WindowOpensAt:yyyy-MM-dd}, deadline {timetable.DeadlineAt:yyyy-MM-dd}).");
        }
    }

    private async Task AdvanceAsync(QuarterRecord quarter, DateTimeOffset now, List<string> events, CancellationToken cancellationToken)
    {
        if (quarter.State == QuarterStates.InProgress && now >= quarter.WindowOpensAt)
        {
            quarter.State = QuarterStates.Open;
            quarter.OpenedAt = now;
            // After downtime past the deadline the quarter locks in this same pass: asking leads to submit "by" a
            // date already gone would only confuse, so they hear nothing until the Board's lock notice lists them.
            foreach (var strand in now < quarter.DeadlineAt ? catalog.Descriptors : [])
            {
                notifier.Notify(
                    await directory.StrandLeadsAsync(strand.Id, cancellationToken),
                    $"{quarter.Quarter}: the quarterly update for {strand.Name} is open",
                    $"The reporting window for {quarter.Quarter} is open. Please update every objective of {strand.Name} (or carry it forward) and submit the quarter by {Day(quarter.DeadlineAt)}.",
                    strand.PagePath,
                    now);
            }

            events.Add($"{quarter.Quarter} reporting window opened.");
        }

        if (quarter.State != QuarterStates.Open)
        {
            return;
        }

        var owing = await OwingAsync(quarter.Quarter, cancellationToken);
        if (now < quarter.DeadlineAt)
        {
            await RemindAsync(quarter, owing, now, events, cancellationToken);
            return;
        }

        quarter.State = QuarterStates.Locked;
        quarter.LockedAt = now;
        var strandCount = catalog.Descriptors.Count();
        var onTime = strandCount - owing.Count;
        notifier.Notify(
            await directory.BoardAsync(cancellationToken),
            $"{quarter.Quarter} is locked: {onTime} of {strandCount} strands submitted on time",
            owing.Count == 0
                ? $"Every strand submitted its update for {quarter.Quarter} by the deadline ({Day(quarter.DeadlineAt)})."
                : $"Not submitted by the deadline ({Day(quarter.DeadlineAt)}): {string.Join(", ", owing.Select(s => s.Name))}. Their submissions will be accepted and marked late.",
            "/governance/quarters",
            now);
        events.Add($"{quarter.Quarter} locked ({onTime} of {strandCount} on time).");
    }

    /// <summary>
    /// One reminder per strand per offset, only to strands that have not submitted. After downtime that spans several
    /// offsets, only the latest is sent and the earlier ones are recorded as skipped: one reminder, not a burst.
    /// </summary>
    private async Task RemindAsync(QuarterRecord quarter, IReadOnlyList<StrandDescriptor> owing, DateTimeOffset now, List<string> events, CancellationToken cancellationToken)
    {
        var due = quarter.ReminderOffsetsDays.Where(d => quarter.WindowOpensAt.AddDays(d) <= now).Order().ToList();
        if (due.Count == 0 || owing.Count == 0)
        {
            return;
        }

        var recorded = await db.Reminders.Where(r => r.Quarter == quarter.Quarter).Select(r => new { r.StrandId, r.OffsetDays }).ToListAsync(cancellationToken);
        foreach (var strand in owing)
        {
            var pending = due.Where(d => !recorded.Any(r => r.StrandId == strand.Id && r.OffsetDays == d)).ToList();
            if (pending.Count == 0)
            {
                continue;
            }

            foreach (var offset in pending)
            {
                var send = offset == pending[^1];
                db.Reminders.Add(new ReminderRecord { Quarter = quarter.Quarter, StrandId = strand.Id, OffsetDays = offset, Outcome = send ? "sent" : "skipped", RecordedAt = now });
            }

            var daysLeft = Math.Max(0, (int)Math.Ceiling((quarter.DeadlineAt - now).TotalDays));
            notifier.Notify(
                await directory.StrandLeadsAsync(strand.Id, cancellationToken),
                $"Reminder: {strand.Name} has not yet submitted its {quarter.Quarter} update",
                $"{strand.Name}'s quarterly update for {quarter.Quarter} is due by {Day(quarter.DeadlineAt)} ({daysLeft} day(s) left). Update or carry forward each objective, then submit the quarter.",
                strand.PagePath,
                now);
            events.Add($"{quarter.Quarter} reminder (+{pending[^1]} days) to {strand.Id}.");
        }
    }

    /// <summary>The enabled strands with no submission for the quarter.</summary>
    private async Task<IReadOnlyList<StrandDescriptor>> OwingAsync(string quarter, CancellationToken cancellationToken)
    {
        var submitted = (await db.Submissions.Where(s => s.Quarter == quarter).Select(s => s.StrandId).Distinct().ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        return [.. catalog.Descriptors.Where(d => !submitted.Contains(d.Id))];
    }

    private static string Day(DateTimeOffset at) => at.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
