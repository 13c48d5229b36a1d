using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SeriousViolence.Contracts;
using SeriousViolence.Plugins;

namespace SeriousViolence.Strands.ChildAbuse.CaseReviews;

/// <summary>
/// The strand's highlights on its Board card. The Board replaces a strand's highlights as a whole with each message, so
/// every register of the strand keeps its highlight here by key and each publication carries all of them, with a
/// revision from one sequence. Callers hold <see cref="LockSql"/> in their transaction, so revisions rise in commit order.
/// </summary>
internal static class StrandHighlights
{
    /// <summary>One writer at a time for the strand's registers and its highlights.</summary>
    public const string LockSql = "SELECT pg_advisory_xact_lock(hashtext('strand_child_abuse.registers'))";

    /// <summary>
    /// Stores <paramref name="highlight"/> under its key and, if it differs from what was last published, enqueues the
    /// strand's whole set in the context's outbox (saved with the caller's SaveChanges). True when it enqueued.
    /// </summary>
    public static async Task<bool> PublishIfChangedAsync(ChildAbuseDbContext db, StrandHighlight highlight, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(highlight, Outbox.Json);
        var rows = await db.BoardHighlights.ToListAsync(cancellationToken);
        var row = rows.SingleOrDefault(r => r.Key == highlight.Key);
        if (row is not null && row.Body == body)
        {
            return false;
        }

        if (row is null)
        {
            row = new BoardHighlightRow { Key = highlight.Key, Body = body };
            db.BoardHighlights.Add(row);
            rows.Add(row);
        }

        row.Body = body;
        row.PublishedAt = now;
        var revision = await db.Database.SqlQueryRaw<long>("SELECT nextval('strand_child_abuse.highlight_revisions') AS \"Value\"").SingleAsync(cancellationToken);
        db.Enqueue(new StrandHighlightsPublished
        {
            StrandId = ChildAbuseStrand.Strand.Id,
            Revision = revision,
            OccurredAt = now,
            Highlights = [.. rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => JsonSerializer.Deserialize<StrandHighlight>(r.Body, Outbox.Json)!)],
        }, now);
        return true;
    }
}
