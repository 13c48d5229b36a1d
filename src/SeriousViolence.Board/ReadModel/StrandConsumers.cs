using MassTransit;
using Microsoft.EntityFrameworkCore;
using SeriousViolence.Contracts;
using SeriousViolence.Platform.Messaging;

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
        var changed = await BoardProjection.ApplyAsync(db, context.MessageId, nameof(StrandAnnouncedConsumer), clock, m.StrandId, m.Revision, m.OccurredAt, "announced", (strand, isNewer) =>
        {
            if (strand is null)
            {
                return new BoardStrand
                {
                    StrandId = m.StrandId, Number = m.Number, Name = m.Name, Operation = m.Operation, LeadRole = m.LeadRole,
                    Aim = string.Join('\n', m.Aim), PagePath = m.PagePath, Revision = m.Revision, Withdrawn = false, LastMessageAt = m.OccurredAt,
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
        }, context.CancellationToken);

        if (changed)
        {
            await notifier.NotifyAsync();
        }
    }
}

/// <summary>Marks a strand withdrawn, unless the Board already holds a newer revision of it.</summary>
public sealed class StrandWithdrawnConsumer(BoardDbContext db, BoardNotifier notifier, TimeProvider clock) : IConsumer<StrandWithdrawn>
{
    public async Task Consume(ConsumeContext<StrandWithdrawn> context)
    {
        var m = context.Message;
        var changed = await BoardProjection.ApplyAsync(db, context.MessageId, nameof(StrandWithdrawnConsumer), clock, m.StrandId, m.Revision, m.OccurredAt, "withdrawn", (strand, isNewer) =>
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
        }, context.CancellationToken);

        if (changed)
        {
            await notifier.NotifyAsync();
        }
    }
}

internal static class BoardProjection
{
    /// <summary>
    /// The shared shape of every strand projection: inbox check, revision check, upsert and log, in one transaction.
    /// Returns false when the message had been processed before.
    /// </summary>
    public static async Task<bool> ApplyAsync(
        BoardDbContext db,
        Guid? messageId,
        string consumer,
        TimeProvider clock,
        string strandId,
        long revision,
        DateTimeOffset occurredAt,
        string kind,
        Func<BoardStrand?, bool, BoardStrand?> apply,
        CancellationToken cancellationToken)
    {
        var id = messageId ?? throw new InvalidOperationException($"{consumer} needs a MessageId to stay idempotent.");
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await Inbox.TryRecordAsync(db, id, consumer, now, cancellationToken))
        {
            return false;
        }

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
                MessageId = id, StrandId = strandId, Kind = kind, Revision = revision, OccurredAt = occurredAt, ReceivedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
