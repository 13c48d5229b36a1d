using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using SeriousViolence.Contracts;

namespace SeriousViolence.Board.ReadModel;

/// <summary>
/// Keeps each strand's highlights, per source within the strand, at the newest revision published. The Board does not know what they mean:
/// it stores the strand's list as it came and shows it on that strand's card. Idempotent (inbox); a revision no newer
/// than the one held changes nothing, so a late or redelivered message never brings back older figures.
/// </summary>
public sealed class StrandHighlightsPublishedConsumer(BoardDbContext db, BoardNotifier notifier, TimeProvider clock) : IConsumer<StrandHighlightsPublished>
{
    public async Task Consume(ConsumeContext<StrandHighlightsPublished> context)
    {
        var m = context.Message;
        var now = clock.GetUtcNow();
        await BoardInbox.ApplyOnceAsync(db, notifier, context, nameof(StrandHighlightsPublishedConsumer), now, async () =>
        {
            // Row lock so two instances apply one strand's revisions one at a time.
            var source = m.Source ?? "";
            var row = await db.Highlights.FromSqlRaw("SELECT * FROM board.strand_highlights WHERE strand_id = {0} AND source = {1} FOR UPDATE", m.StrandId, source)
                .SingleOrDefaultAsync(context.CancellationToken);
            if (row is not null && m.Revision <= row.Revision)
            {
                return false;
            }

            if (row is null)
            {
                row = new BoardHighlights { StrandId = m.StrandId, Source = source, Highlights = "[]" };
                db.Highlights.Add(row);
            }

            row.Revision = m.Revision;
            row.OccurredAt = m.OccurredAt;
            row.ReceivedAt = now;
            row.Highlights = JsonSerializer.Serialize(m.Highlights ?? [], StrategyAnnouncedConsumer.Json);
            return true;
        });
    }
}
