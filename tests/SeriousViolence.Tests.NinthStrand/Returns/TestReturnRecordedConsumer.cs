using MassTransit;
using SeriousViolence.Plugins;

namespace SeriousViolence.Tests.NinthStrand.Returns;

/// <summary>
/// The strand's own consumer of its own message: writes a receipt in the strand's schema. Idempotent through the
/// strand's inbox (processed_messages), recorded in the same transaction as the receipt.
/// </summary>
public sealed class TestReturnRecordedConsumer(NinthDbContext db, TimeProvider clock) : IConsumer<TestReturnRecorded>
{
    public async Task Consume(ConsumeContext<TestReturnRecorded> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messageId = context.MessageId ?? throw new InvalidOperationException("A TestReturnRecorded arrived without a message id.");
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        if (!await Inbox.TryRecordAsync(db, messageId, nameof(TestReturnRecordedConsumer), now, context.CancellationToken))
        {
            return;
        }

        db.Receipts.Add(new ReturnReceipt { ReturnId = context.Message.ReturnId, Version = context.Message.Version, ReceivedAt = now });
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
    }
}
