using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>A message type of the strand's own travels from its outbox over RabbitMQ to its own consumer, once.</summary>
public sealed class NinthStrandMessagingTests
{
    [Fact]
    public async Task The_strands_own_message_reaches_its_own_consumer_over_rabbitmq_once_for_each_change()
    {
        await using var broker = await TestBroker.CreateAsync();
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await NinthStrandHost.StartAsync(db, broker.Settings);

        var saved = await NinthStrandHost.RecordSavedAsync(host, NinthStrandHost.Lead, NinthStrandHost.Form(count: "7"));
        await NinthStrandHost.RecordSavedAsync(host, NinthStrandHost.Lead, NinthStrandHost.Form(count: "8"), saved.Version);

        var receipts = await Eventually.WaitForAsync(
            () => db.ColumnAsync("SELECT return_id || '|' || version FROM strand_ninth_test.return_receipts ORDER BY version"),
            r => r.Count == 2,
            "both TestReturnRecorded messages at the strand's consumer");
        Assert.Equal([$"{saved.Id}|1", $"{saved.Id}|2"], receipts);
        // The consumer recorded each message id it handled in the strand's inbox: exactly the ids of its outbox rows.
        Assert.Equal(
            await db.ColumnAsync("SELECT id FROM strand_ninth_test.outbox_messages WHERE message_type = 'SeriousViolence.Tests.NinthStrand.Returns.TestReturnRecorded' ORDER BY id"),
            await db.ColumnAsync("SELECT message_id FROM strand_ninth_test.processed_messages WHERE consumer = 'TestReturnRecordedConsumer' ORDER BY message_id"));
        await Eventually.WaitForAsync(
            () => db.ScalarAsync<long>("SELECT count(*) FROM strand_ninth_test.outbox_messages WHERE dispatched_at IS NULL"), c => c == 0, "the strand's outbox drained");
    }
}
