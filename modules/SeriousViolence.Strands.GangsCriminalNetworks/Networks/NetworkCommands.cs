using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;

namespace SeriousViolence.Strands.GangsCriminalNetworks.Networks;

/// <summary>
/// Changes to the matrix and the ledger. Each checks the actor first (refusals audited), validates every field (nothing
/// written when any is refused), takes the version the person read (a concurrent edit is refused, never overwritten),
/// and saves the change, its audit records and what the strand publishes about it in one transaction.
/// </summary>
public sealed class NetworkCommands(GangsDbContext db, GangsPublisher publisher, GangsSettings settings, IRefusalLog refusals, TimeProvider clock)
{
    /// <summary>Puts a network on the matrix with its first harm assessment; its reference (CN-0042) is given here.</summary>
    public async Task<GangsResult<CriminalNetwork>> RecordAsync(Actor actor, NetworkForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        await GangsAccess.EnsureAsync(actor, GangsAccess.ManageRegister, refusals, cancellationToken);
        var errors = form.Validate(out var input);
        if (input is null)
        {
            return GangsResult.Invalid<CriminalNetwork>(errors);
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        db.ActingAs = actor;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await GangsPublisher.LockAsync(db, cancellationToken);
        var number = await db.Database.SqlQueryRaw<long>("SELECT nextval('strand_gangs_criminal_networks.network_reference_seq') AS \"Value\"").SingleAsync(cancellationToken);
        var tier = HarmMatrix.Tier(input.Scores.Total);
        var network = new CriminalNetwork
        {
            Id = Guid.CreateVersion7(now), Reference = "CN-" + number.ToString("D4", CultureInfo.InvariantCulture), NetworkType = input.Type,
            Boroughs = [.. input.Boroughs.Order(StringComparer.Ordinal)], LeadUnit = input.LeadUnit, Status = NetworkStatus.Active,
            RecordedOn = today, ReviewDue = today.AddMonths(settings.ReviewMonths), CurrentTotal = input.Scores.Total, CurrentTier = tier,
            AssessmentRevision = 1, AssessedOn = today, NoteRevision = input.Note.Length > 0 ? 1 : 0, Version = 1,
            CreatedAt = now, CreatedBy = actor.DisplayName, UpdatedAt = now, UpdatedBy = actor.DisplayName,
        };
        db.Networks.Add(network);
        if (input.Note.Length > 0)
        {
            db.Notes.Add(new NetworkNote { NetworkId = network.Id, Text = input.Note });
        }

        db.Assessments.Add(Assessment(network, 1, today, input.Scores, NetworkStatus.Active, actor, now));
        await publisher.EnqueueAsync([], now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return GangsResult.Ok<CriminalNetwork>(network);
    }

    /// <summary>Reassesses a network: a new revision of its scores (the old kept), its status, and its next review date.</summary>
    public async Task<GangsResult<CriminalNetwork>> ReassessAsync(Actor actor, Guid networkId, AssessmentForm form, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        await GangsAccess.EnsureAsync(actor, GangsAccess.ManageRegister, refusals, cancellationToken);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        db.ActingAs = actor;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await GangsPublisher.LockAsync(db, cancellationToken);
        var network = await db.Networks.SingleOrDefaultAsync(n => n.Id == networkId, cancellationToken);
        if (network is null)
        {
            return GangsResult.Invalid<CriminalNetwork>("Network", "There is no such network on the matrix.");
        }

        if (network.Status == NetworkStatus.Archived)
        {
            return GangsResult.Invalid<CriminalNetwork>("Network", $"{network.Reference} was archived because it was not reviewed in time; it will be deleted at the end of its retention period.");
        }

        var errors = form.Validate(network.RecordedOn, today, out var input);
        if (input is not { } parsed)
        {
            return GangsResult.Invalid<CriminalNetwork>(errors);
        }

        if (network.Version != expectedVersion)
        {
            return GangsResult.Conflicted<CriminalNetwork>(ConflictText(network));
        }

        if (parsed.On < network.AssessedOn)
        {
            return GangsResult.Invalid<CriminalNetwork>(nameof(AssessmentForm.AssessedOn), $"{network.Reference} was last assessed on {network.AssessedOn:yyyy-MM-dd}; a reassessment cannot be dated before it.");
        }

        var revision = network.AssessmentRevision + 1;
        db.Assessments.Add(Assessment(network, revision, parsed.On, parsed.Scores, parsed.Status, actor, now));
        db.Entry(network).Property(n => n.Version).OriginalValue = expectedVersion;
        network.AssessmentRevision = revision;
        network.AssessedOn = parsed.On;
        network.CurrentTotal = parsed.Scores.Total;
        network.CurrentTier = HarmMatrix.Tier(parsed.Scores.Total);
        network.Status = parsed.Status;
        // Reviewed: the next review falls due afresh, and the retention job's flag is cleared.
        network.ReviewDue = parsed.On.AddMonths(settings.ReviewMonths);
        network.FlaggedAt = null;
        Touch(network, actor, now);
        var touched = await TouchedAsync(network.Id, cancellationToken);
        await publisher.EnqueueAsync([.. touched, parsed.On], now, cancellationToken);
        return await SaveAsync(network, transaction, cancellationToken);
    }

    /// <summary>Records a disruption in the ledger against a network; it feeds the strand's measures at once.</summary>
    public async Task<GangsResult<Disruption>> RecordDisruptionAsync(Actor actor, Guid networkId, DisruptionForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        await GangsAccess.EnsureAsync(actor, GangsAccess.ManageRegister, refusals, cancellationToken);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        db.ActingAs = actor;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await GangsPublisher.LockAsync(db, cancellationToken);
        var network = await db.Networks.AsNoTracking().SingleOrDefaultAsync(n => n.Id == networkId, cancellationToken);
        if (network is null)
        {
            return GangsResult.Invalid<Disruption>("Network", "There is no such network on the matrix.");
        }

        var errors = form.Validate(network.RecordedOn, today, out var disruption);
        if (disruption is null)
        {
            return GangsResult.Invalid<Disruption>(errors);
        }

        if (network.Status == NetworkStatus.Archived)
        {
            return GangsResult.Invalid<Disruption>("Network", $"{network.Reference} is archived; reassessing is no longer possible and nothing more is recorded against it.");
        }

        disruption.Id = Guid.CreateVersion7(now);
        disruption.NetworkId = network.Id;
        disruption.RecordedAt = now;
        disruption.RecordedBy = actor.DisplayName;
        db.Disruptions.Add(disruption);
        var touched = await TouchedAsync(network.Id, cancellationToken);
        await publisher.EnqueueAsync([.. touched, disruption.OccurredOn], now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return GangsResult.Ok<Disruption>(disruption);
    }

    /// <summary>
    /// The lead removes a network from the matrix, with a reason: from this moment it is in no view, export or measure
    /// (the measures are republished without it) and its note is deleted; the retention job deletes the rest later.
    /// </summary>
    public async Task<GangsResult<CriminalNetwork>> RemoveAsync(Actor actor, Guid networkId, RemovalForm form, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        await GangsAccess.EnsureAsync(actor, GangsAccess.RemoveNetwork, refusals, cancellationToken);
        var errors = form.Validate(out var reason);
        if (reason is null)
        {
            return GangsResult.Invalid<CriminalNetwork>(errors);
        }

        var now = clock.GetUtcNow();
        db.ActingAs = actor;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await GangsPublisher.LockAsync(db, cancellationToken);
        var network = await db.Networks.SingleOrDefaultAsync(n => n.Id == networkId, cancellationToken);
        if (network is null)
        {
            return GangsResult.Invalid<CriminalNetwork>("Network", "There is no such network on the matrix.");
        }

        if (network.Version != expectedVersion)
        {
            return GangsResult.Conflicted<CriminalNetwork>(ConflictText(network));
        }

        db.Entry(network).Property(n => n.Version).OriginalValue = expectedVersion;
        network.RemovedAt = now;
        network.RemovedBy = actor.DisplayName;
        network.RemovalReason = reason;
        Touch(network, actor, now);
        if (await db.Notes.SingleOrDefaultAsync(n => n.NetworkId == network.Id, cancellationToken) is { } note)
        {
            db.Notes.Remove(note);
            network.NoteRevision++;
        }

        var touched = await TouchedAsync(network.Id, cancellationToken);
        await publisher.EnqueueAsync(touched, now, cancellationToken);
        return await SaveAsync(network, transaction, cancellationToken);
    }

    /// <summary>The days a network's records concern: each of them is a period its measures must be recomputed for.</summary>
    private async Task<List<DateOnly>> TouchedAsync(Guid networkId, CancellationToken cancellationToken)
    {
        var days = await db.Disruptions.Where(d => d.NetworkId == networkId).Select(d => d.OccurredOn).ToListAsync(cancellationToken);
        days.AddRange(await db.Assessments.Where(a => a.NetworkId == networkId).Select(a => a.AssessedOn).ToListAsync(cancellationToken));
        return days;
    }

    private async Task<GangsResult<CriminalNetwork>> SaveAsync(CriminalNetwork network, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return GangsResult.Conflicted<CriminalNetwork>($"Someone else changed {network.Reference} at the same moment; your change was not saved. Reload it and make your change again.");
        }

        return GangsResult.Ok<CriminalNetwork>(network);
    }

    private static void Touch(CriminalNetwork network, Actor actor, DateTimeOffset now)
    {
        network.Version++;
        network.UpdatedAt = now;
        network.UpdatedBy = actor.DisplayName;
    }

    private static string ConflictText(CriminalNetwork current) =>
        $"{current.UpdatedBy} changed {current.Reference} at {current.UpdatedAt:HH:mm} UTC (now {HarmMatrix.TierText(current.CurrentTier)}, {HarmMatrix.Text(current.Status)}, version {current.Version}); your change was not saved. Check theirs and, if yours is still right, make it again.";

    private static HarmAssessment Assessment(CriminalNetwork network, int revision, DateOnly on, Scores scores, NetworkStatus status, Actor actor, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), NetworkId = network.Id, Revision = revision, AssessedOn = on,
        Violence = scores.Violence, Weapons = scores.Weapons, Drugs = scores.Drugs, Exploitation = scores.Exploitation, CommunityImpact = scores.CommunityImpact,
        Total = scores.Total, Tier = HarmMatrix.Tier(scores.Total), Status = status, RecordedAt = now, RecordedBy = actor.DisplayName,
    };
}
