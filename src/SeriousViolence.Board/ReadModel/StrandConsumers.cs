using MassTransit;
using Microsoft.EntityFrameworkCore;
using SeriousViolence.Contracts;

namespace SeriousViolence.Board.ReadModel;

/// <summary>
/// Projects <see cref="StrandAnnounced"/> into the Board's strands. Idempotent (inbox by message id) and tolerant of
/// order: a message whose revision is older than the one held changes nothing but the announcement log.
/// </summary>
public sealed class StrandAnnouncedConsumer(BoardDbContext db, BoardNotifier notifier, TimeProvider clock) : IConsumer<StrandAnnounced>
{
    public async Task Consume(ConsumeContext<StrandAnnounced> context)
    {
        var m = context.Message;
        await BoardProjection.ApplyAsync(db, notifier, context, nameof(StrandAnnouncedConsumer), clock, m.StrandId, m.Revision, m.OccurredAt, "announced", (strand, isNewer) =>
        {
            if (strand is null)
            {
                return new BoardStrand
                {
                    StrandId = m.StrandId,
                    Number = m.Number,
                    Name = m.Name,
                    Operation = m.Operation,
                    LeadRole = m.LeadRole,
                    Aim = string.Join('\n', m.Aim),
                    PagePath = m.PagePath,
                    Revision = m.Revision,
                    Withdrawn = false,
                    LastMessageAt = m.OccurredAt,
                };
            }

            if (isNewer)
            {
                strand.Number = m.Number;
                strand.Name = m.Name;
                strand.Operation = m.Operation;
                strand.LeadRole = m.LeadRole;
                strand.Aim = string.Join('\n', m.Aim);
                strand.PagePath = m.PagePath;
                strand.Withdrawn = false;
            }

            return strand;
        });
    }
}

/// <summary>Marks a strand withdrawn, unless the Board already holds a newer revision of it.</summary>
public sealed class StrandWithdrawnConsumer(BoardDbContext db, BoardNotifier notifier, TimeProvider clock) : IConsumer<StrandWithdrawn>
{
    public async Task Consume(ConsumeContext<StrandWithdrawn> context)
    {
        var m = context.Message;
        await BoardProjection.ApplyAsync(db, notifier, context, nameof(StrandWithdrawnConsumer), clock, m.StrandId, m.Revision, m.OccurredAt, "withdrawn", (strand, isNewer) =>
        {
            if (strand is null)
            {
                return null; // never heard of it: nothing to withdraw
            }

            if (isNewer)
            {
                strand.Withdrawn = true;
            }

            return strand;
        });
    }
}

internal static class BoardProjection
{
    /// <summary>
    /// The shared shape of every strand projection, applied once per message (<see cref="BoardInbox"/>): revision
    /// check, upsert and the announcement log.
    /// </summary>
    public static Task<bool> ApplyAsync(
        BoardDbContext db,
        BoardNotifier notifier,
        ConsumeContext context,
        string consumer,
        TimeProvider clock,
        string strandId,
        long revision,
        DateTimeOffset occurredAt,
        string kind,
        Func<BoardStrand?, bool, BoardStrand?> apply)
    {
        var now = clock.GetUtcNow();
        return BoardInbox.ApplyOnceAsync(db, notifier, context, consumer, now, async () =>
        {
            var cancellationToken = context.CancellationToken;

            // Row lock so two consumers of the same strand (two instances) apply revisions one at a time.
            var strand = await db.Strands
                .FromSqlRaw("SELECT * FROM board.strands WHERE strand_id = {0} FOR UPDATE", strandId)
                .SingleOrDefaultAsync(cancellationToken);
            var isNewer = strand is null || revision > strand.Revision;
            var result = apply(strand, isNewer);
            if (result is not null)
            {
                if (strand is null)
                {
                    db.Strands.Add(result);
                }

                if (isNewer || revision == result.Revision)
                {
                    result.Revision = Math.Max(result.Revision, revision);
                    result.LastMessageAt = occurredAt > result.LastMessageAt ? occurredAt : result.LastMessageAt;
                    result.ReceivedAt = now;
                }

                db.Announcements.Add(new BoardAnnouncement
                {
                    MessageId = context.MessageId!.Value,
                    StrandId = strandId,
                    Kind = kind,
                    Revision = revision,
                    OccurredAt = occurredAt,
                    ReceivedAt = now,
                });
            }

            // Every new message is logged, so the Board's announcement counts change even when the revision does not.
            return true;
        });
    }
}
