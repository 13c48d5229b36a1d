using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;
using SeriousViolence.Plans.Model;

namespace SeriousViolence.Plans;

/// <summary>Filters a workspace or an API client can apply to a strand's objectives.</summary>
public sealed record ObjectiveFilter(ObjectiveStatus? Status = null, string? Theme = null, int? Year = null, string? Owner = null, RipeCategory? Ripe = null)
{
    public static ObjectiveFilter All { get; } = new();
}

/// <summary>What the workspace, exports and API read. Schema plans only.</summary>
public sealed class PlansQueries(PlansDbContext db)
{
    /// <summary>
    /// What a partner may read: objectives shared with their organisation, and only those marked OFFICIAL (a sensitive
    /// objective is never shown outside the force, whoever it was shared with).
    /// </summary>
    public async Task<IReadOnlyList<Objective>> SharedWithAsync(Actor actor, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.ViewShared);
        if (actor.PartnerId is not { } partner)
        {
            return [];
        }

        return await db.Objectives.AsNoTracking()
            .Where(o => o.SharedWith.Contains(partner) && o.Marking == ProtectiveMarking.Official)
            .OrderBy(o => o.StrandId).ThenBy(o => o.SeedKey)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Objective>> ObjectivesAsync(string strandId, ObjectiveFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Objectives.AsNoTracking().Include(o => o.Milestones).Where(o => o.StrandId == strandId);
        if (filter.Status is { } status)
        {
            query = query.Where(o => o.Status == status);
        }

        if (!string.IsNullOrEmpty(filter.Theme))
        {
            query = query.Where(o => o.Themes.Contains(filter.Theme));
        }

        if (filter.Year is 1 or 2)
        {
            var flag = filter.Year == 1 ? StrategyYears.Year1 : StrategyYears.Year2;
            query = query.Where(o => (o.Years & flag) == flag);
        }

        if (!string.IsNullOrWhiteSpace(filter.Owner))
        {
            query = query.Where(o => o.Owner != null && EF.Functions.ILike(o.Owner, "%" + filter.Owner.Trim() + "%"));
        }

        if (filter.Ripe is { } ripe and not RipeCategory.None)
        {
            query = query.Where(o => (o.Ripe & ripe) != 0);
        }

        // Seeded objectives in the strategy's order, then those leads added, oldest first.
        return await query.OrderBy(o => o.SeedKey == null).ThenBy(o => o.SeedKey).ThenBy(o => o.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>How many of the strand's objectives a quarterly submission must cover (all but the cancelled).</summary>
    public Task<int> OpenObjectiveCountAsync(string strandId, CancellationToken cancellationToken) =>
        db.Objectives.CountAsync(o => o.StrandId == strandId && o.Status != ObjectiveStatus.Cancelled, cancellationToken);

    public Task<Objective?> ObjectiveAsync(Guid id, CancellationToken cancellationToken) =>
        db.Objectives.AsNoTracking().Include(o => o.Milestones).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);

    public async Task<IReadOnlyList<QuarterlyUpdate>> UpdatesAsync(Guid objectiveId, CancellationToken cancellationToken) =>
        await db.QuarterlyUpdates.AsNoTracking().Where(u => u.ObjectiveId == objectiveId)
            .OrderByDescending(u => u.SubmittedAt).ThenByDescending(u => u.Revision).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, QuarterlyDraft>> DraftsAsync(string strandId, string quarter, CancellationToken cancellationToken)
    {
        var ids = db.Objectives.Where(o => o.StrandId == strandId).Select(o => o.Id);
        return await db.QuarterlyDrafts.AsNoTracking().Where(d => d.Quarter == quarter && ids.Contains(d.ObjectiveId)).ToDictionaryAsync(d => d.ObjectiveId, cancellationToken);
    }

    public async Task<IReadOnlyList<QuarterlySubmission>> SubmissionsAsync(string strandId, CancellationToken cancellationToken) =>
        await db.QuarterlySubmissions.AsNoTracking().Where(s => s.StrandId == strandId).OrderByDescending(s => s.SubmittedAt).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<string, int>> ObjectiveCountsAsync(CancellationToken cancellationToken) =>
        await db.Objectives.AsNoTracking().GroupBy(o => o.StrandId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

    public async Task<IReadOnlyList<Theme>> ThemesAsync(CancellationToken cancellationToken) =>
        await db.Themes.AsNoTracking().OrderBy(t => t.Kind).ThenBy(t => t.Name).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Operation>> OperationsAsync(CancellationToken cancellationToken) =>
        (await db.Operations.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(o => o.Name.TrimStart('\'', '"', '\u2018', '\u201c'), StringComparer.OrdinalIgnoreCase).ToList();
}
