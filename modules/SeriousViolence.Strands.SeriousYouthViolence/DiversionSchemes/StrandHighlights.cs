using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SeriousViolence.Contracts;
using SeriousViolence.Plugins;

namespace SeriousViolence.Strands.SeriousYouthViolence.DiversionSchemes;

/// <summary>
/// The strand's highlights on its Board card, one register at a time: each register publishes under its own
/// <see cref="StrandHighlightsPublished.Source"/>, so one never replaces another's. What was last published is kept by
/// key, so a job that re-reads the register publishes only when the picture changed. Callers hold
/// <see cref="LockSql"/> in their transaction, so revisions (from one sequence) rise in commit order.
/// </summary>
internal static class StrandHighlights
{
    /// <summary>One writer at a time for the strand's registers and its highlights.</summary>
    public const string LockSql = "SELECT pg_advisory_xact_lock(hashtext('strand_serious_youth_violence.registers'))";

    /// <summary>
    /// Stores <paramref name="highlight"/> under its key and, if it differs from what was last published, enqueues it as
    /// the highlights of <paramref name="source"/> in the context's outbox (saved with the caller's SaveChanges). True
    /// when it enqueued.
    /// </summary>
    public static async Task<bool> PublishIfChangedAsync(SeriousYouthViolenceDbContext db, string source, StrandHighlight highlight, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(highlight, Outbox.Json);
        var row = await db.BoardHighlights.SingleOrDefaultAsync(r => r.Key == highlight.Key, cancellationToken);
        if (row is not null && row.Body == body)
        {
            return false;
        }

        if (row is null)
        {
            row = new BoardHighlightRow { Key = highlight.Key, Body = body };
            db.BoardHighlights.Add(row);
        }

        row.Body = body;
        row.PublishedAt = now;
        var revision = await db.Database.SqlQueryRaw<long>("SELECT nextval('strand_serious_youth_violence.highlight_revisions') AS \"Value\"").SingleAsync(cancellationToken);
        db.Enqueue(new StrandHighlightsPublished
        {
            Source = source,
            StrandId = SeriousYouthViolenceStrand.Strand.Id,
            Revision = revision,
            OccurredAt = now,
            Highlights = [highlight],
        }, now);
        return true;
    }
}
