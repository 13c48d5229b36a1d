using MassTransit;
using SeriousViolence.Plugins;
using SeriousViolence.Platform.Messaging;

namespace SeriousViolence.Board.ReadModel;

/// <summary>
/// The shape every Board consumer shares: in one transaction, record the message id (a redelivery stops here), apply
/// the change, save; after the commit, tell open Board pages if anything changed.
/// </summary>
internal static class BoardInbox
{
    public static async Task<bool> ApplyOnceAsync(
        BoardDbContext db, BoardNotifier notifier, ConsumeContext context, string consumer, DateTimeOffset now, Func<Task<bool>> apply)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{consumer} needs a MessageId to stay idempotent.");
        bool changed;
        await using (var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken))
        {
            if (!await Inbox.TryRecordAsync(db, messageId, consumer, now, context.CancellationToken))
            {
                return false;
            }

            changed = await apply();
            await db.SaveChangesAsync(context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
        }

        if (changed)
        {
            await notifier.NotifyAsync();
        }

        return changed;
    }
}
