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
