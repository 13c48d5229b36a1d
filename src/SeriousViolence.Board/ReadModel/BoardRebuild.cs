using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;
using SeriousViolence.Platform.Messaging;

namespace SeriousViolence.Board.ReadModel;

/// <summary>
/// Rebuilds the Board's read model from scratch: empties schema <c>board</c> (inbox included) and asks every module
/// that holds state the Board shows to announce it again. The picture that results from those messages alone is the
/// one the Board had (a test shows it). Also run from the command line: <c>SeriousViolence.Web.dll rebuild-board</c>.
/// </summary>
public sealed class BoardRebuild(BoardDbContext db, IEnumerable<IStateAnnouncer> announcers, BoardNotifier notifier, SeriousViolence.Platform.Audit.AuditTrail audit)
{
    /// <summary>Asks every module to announce its state again; the Board's consumers ignore what it already has.</summary>
    public async Task<IReadOnlyList<string>> ReannounceAsync(Actor actor, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.RebuildBoard);
        var announced = new List<string>();
        foreach (var announcer in announcers)
        {
            announced.Add($"{await announcer.AnnounceAllAsync(cancellationToken)} {announcer.What}");
        }

        await audit.RecordAsync(actor, new SeriousViolence.Platform.Audit.AuditEvent(SeriousViolence.Platform.Audit.AuditKinds.Change, "asked every module to re-announce to the Board: " + string.Join(", ", announced), "board", "re-announce"), cancellationToken);
        return announced;
    }

    /// <summary>Empties the read model, then re-announces; open Board pages show the picture filling again.</summary>
    public async Task<IReadOnlyList<string>> RebuildAsync(Actor actor, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.RebuildBoard);
        await db.Database.ExecuteSqlRawAsync(
            """
            TRUNCATE board.strands, board.announcements, board.objectives, board.quarterly_submissions, board.objective_updates,
                     board.measure_observations, board.measures, board.strategy, board.strand_highlights, board.processed_messages
            """,
            cancellationToken);
        await notifier.NotifyAsync();
        return await ReannounceAsync(actor, cancellationToken);
    }
}
