using Microsoft.EntityFrameworkCore;

namespace SeriousViolence.Board.ReadModel;

/// <summary>What the Board pages read. Only the board schema.</summary>
public sealed class BoardQueries(BoardDbContext db)
{
    public async Task<IReadOnlyList<BoardStrandView>> StrandsAsync(CancellationToken cancellationToken)
    {
        var strands = await db.Strands.AsNoTracking().Where(s => !s.Withdrawn).OrderBy(s => s.Number).ToListAsync(cancellationToken);
        var counts = await db.Announcements.AsNoTracking()
            .GroupBy(a => a.StrandId)
            .Select(g => new { StrandId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.StrandId, x => x.Count, StringComparer.Ordinal, cancellationToken);
        return [.. strands.Select(s => new BoardStrandView(
            s.StrandId, s.Number, s.Name, s.Operation, s.LeadRole, s.Aim.Split('\n'), s.PagePath, s.Revision, s.LastMessageAt, s.ReceivedAt,
            counts.GetValueOrDefault(s.StrandId)))];
    }

    public Task<int> MessagesReceivedAsync(CancellationToken cancellationToken) => db.Announcements.CountAsync(cancellationToken);

    /// <summary>
    /// Counts of objectives per strand, RIPE category and status. An objective under two categories (the strategy's
    /// "Reassurance and Prevention") counts under each.
    /// </summary>
    public async Task<IReadOnlyList<PlanCount>> PlanCountsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Objectives.AsNoTracking().Select(o => new { o.StrandId, o.Ripe, o.Status }).ToListAsync(cancellationToken);
        return [.. rows.SelectMany(r => r.Ripe.Select(c => (r.StrandId, Ripe: c, r.Status)))
            .GroupBy(x => x)
            .Select(g => new PlanCount(g.Key.StrandId, g.Key.Ripe, g.Key.Status, g.Count()))];
    }

    public async Task<IReadOnlyList<BoardSubmission>> LatestSubmissionsAsync(CancellationToken cancellationToken)
    {
        var all = await db.Submissions.AsNoTracking().ToListAsync(cancellationToken);
        return [.. all.GroupBy(s => s.StrandId).Select(g => g.OrderByDescending(s => s.OccurredAt).First())];
    }
}

public sealed record BoardStrandView(
    string StrandId,
    int Number,
    string Name,
    string Operation,
    string LeadRole,
    IReadOnlyList<string> Aim,
    string PagePath,
    long Revision,
    DateTimeOffset LastMessageAt,
    DateTimeOffset ReceivedAt,
    int MessagesReceived);

public sealed record PlanCount(string StrandId, string Ripe, string Status, int Count);
