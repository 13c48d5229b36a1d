using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;

namespace SeriousViolence.Strands.GangsCriminalNetworks.Networks;

/// <summary>
/// The retention control (ICO finding: no retention period, people never removed). Daily, as the platform: flags each
/// network past its review date; archives one not reviewed within the configured days after it; deletes an archived or
/// removed network, with its assessments, ledger entries and note, once the retention period has passed. The audit
/// trail gets a retention_deletions record per network deleted: its reference, why, and how many entries went; never
/// what they said (the rows are deleted in SQL, so no copy of their fields is written).
/// </summary>
public sealed class RetentionJob(GangsDbContext db, GangsPublisher publisher, GangsSettings settings, TimeProvider clock) : IStrandJob
{
    public const string Name = "gangs-criminal-networks-retention";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        db.ActingAs = Actor.System;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await GangsPublisher.LockAsync(db, cancellationToken);

        var due = await db.Networks.Where(n => n.Status != NetworkStatus.Archived && n.ReviewDue < today).ToListAsync(cancellationToken);
        var flagged = 0;
        var archived = 0;
        foreach (var network in due)
        {
            if (network.FlaggedAt is null)
            {
                network.FlaggedAt = now;
                flagged++;
            }

            if (network.ReviewDue.AddDays(settings.ArchiveAfterDays) < today)
            {
                network.Status = NetworkStatus.Archived;
                network.ArchivedAt = now;
                network.ArchiveReason = $"Not reviewed within {settings.ArchiveAfterDays} days of its review date ({network.ReviewDue:yyyy-MM-dd}).";
                archived++;
            }

            if (db.Entry(network).State == EntityState.Modified)
            {
                network.Version++;
                network.UpdatedAt = now;
                network.UpdatedBy = Actor.System.DisplayName;
            }
        }

        // Archived or removed long enough ago: deleted, whichever way it left the matrix.
        var cutoff = now.AddMonths(-settings.RetentionMonths);
        var expired = await db.Networks.IgnoreQueryFilters().AsNoTracking()
            .Where(n => (n.ArchivedAt != null && n.ArchivedAt < cutoff) || (n.RemovedAt != null && n.RemovedAt < cutoff))
            .Select(n => new { n.Id, n.Reference, n.ArchivedAt, n.RemovedAt })
            .ToListAsync(cancellationToken);
        foreach (var network in expired)
        {
            var disruptions = await db.Disruptions.Where(d => d.NetworkId == network.Id).ExecuteDeleteAsync(cancellationToken);
            var assessments = await db.Assessments.Where(a => a.NetworkId == network.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Notes.Where(n => n.NetworkId == network.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Networks.IgnoreQueryFilters().Where(n => n.Id == network.Id).ExecuteDeleteAsync(cancellationToken);
            var why = network.RemovedAt is { } removed
                ? $"Removed from the matrix by its lead on {removed:yyyy-MM-dd}; retention period of {settings.RetentionMonths} months ended."
                : $"Archived on {network.ArchivedAt:yyyy-MM-dd} (not reviewed in time); retention period of {settings.RetentionMonths} months ended.";
            db.RetentionDeletions.Add(new RetentionDeletion
            {
                Id = Guid.CreateVersion7(now), Reference = network.Reference, Reason = why, Assessments = assessments, Disruptions = disruptions, DeletedAt = now,
            });
        }

        // The Board's card says how many are past review (and puts them on its agenda).
        await publisher.EnqueueAsync([], now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return $"Flagged {flagged} network(s) past review, archived {archived}, deleted {expired.Count} after the retention period.";
    }
}
