using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;

namespace SeriousViolence.Strands.GangsCriminalNetworks.Networks;

/// <summary>One network as its page shows it: the record, its note, its assessment history and its ledger.</summary>
public sealed record NetworkDetail(CriminalNetwork Network, string? Note, IReadOnlyList<HarmAssessment> Assessments, IReadOnlyList<Disruption> Ledger);

/// <summary>The aggregate picture: counts only, never a row of the register.</summary>
public sealed record NetworksPicture(
    int OnMatrix,
    IReadOnlyDictionary<int, int> ByTier,
    IReadOnlyDictionary<(string Borough, int Tier), int> ByBoroughAndTier,
    IReadOnlyDictionary<DisruptionType, int> DisruptionsByType,
    IReadOnlyDictionary<DisruptionImpact, int> DisruptionsByImpact,
    int PastReview);

/// <summary>
/// Reads of the strand's records, each checked on the server: register rows for the strand's lead and action owners
/// only; the aggregate picture for them and the Board. Networks a lead removed are in none of them (query filter).
/// </summary>
public sealed class GangsQueries(GangsDbContext db, IRefusalLog refusals, TimeProvider clock)
{
    public async Task<IReadOnlyList<CriminalNetwork>> RegisterAsync(Actor actor, CancellationToken cancellationToken)
    {
        await GangsAccess.EnsureAsync(actor, GangsAccess.ManageRegister, refusals, cancellationToken);
        return await db.Networks.AsNoTracking().OrderBy(n => n.Status == NetworkStatus.Archived).ThenBy(n => n.CurrentTier).ThenBy(n => n.Reference).ToListAsync(cancellationToken);
    }

    public async Task<NetworkDetail?> NetworkAsync(Actor actor, string reference, CancellationToken cancellationToken)
    {
        await GangsAccess.EnsureAsync(actor, GangsAccess.ManageRegister, refusals, cancellationToken);
        var network = await db.Networks.AsNoTracking().SingleOrDefaultAsync(n => n.Reference == reference, cancellationToken);
        if (network is null)
        {
            return null;
        }

        var note = await db.Notes.AsNoTracking().Where(n => n.NetworkId == network.Id).Select(n => n.Text).SingleOrDefaultAsync(cancellationToken);
        var assessments = await db.Assessments.AsNoTracking().Where(a => a.NetworkId == network.Id).OrderByDescending(a => a.Revision).ToListAsync(cancellationToken);
        var ledger = await db.Disruptions.AsNoTracking().Where(d => d.NetworkId == network.Id).OrderByDescending(d => d.OccurredOn).ThenByDescending(d => d.RecordedAt).ToListAsync(cancellationToken);
        return new NetworkDetail(network, note, assessments, ledger);
    }

    public async Task<NetworksPicture> PictureAsync(Actor actor, CancellationToken cancellationToken)
    {
        await GangsAccess.EnsureAsync(actor, GangsAccess.ViewPicture, refusals, cancellationToken);
        return await PictureForAsync(db, clock, cancellationToken);
    }

    /// <summary>The picture itself, for the checked entry points (the query above, the partner export).</summary>
    internal static async Task<NetworksPicture> PictureForAsync(GangsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var networks = await db.Networks.AsNoTracking().Where(n => n.Status != NetworkStatus.Archived).ToListAsync(cancellationToken);
        var ids = networks.Select(n => n.Id).ToHashSet();
        var disruptions = (await db.Disruptions.AsNoTracking().ToListAsync(cancellationToken)).Where(d => ids.Contains(d.NetworkId)).ToList();
        return new NetworksPicture(
            networks.Count,
            networks.GroupBy(n => n.CurrentTier).ToDictionary(g => g.Key, g => g.Count()),
            networks.SelectMany(n => n.Boroughs.Select(b => (b, n.CurrentTier))).GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count()),
            disruptions.GroupBy(d => d.DisruptionType).ToDictionary(g => g.Key, g => g.Count()),
            disruptions.GroupBy(d => d.Impact).ToDictionary(g => g.Key, g => g.Count()),
            networks.Count(n => n.ReviewDue < today));
    }
}
