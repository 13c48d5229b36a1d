using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Platform.Strands;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>
/// The outbox over a real RabbitMQ: a committed change always reaches the Board, also when the broker is down at
/// commit time or goes down while messages are being published, and nothing reaches it twice.
/// </summary>
public sealed class RabbitMqOutboxTests
{
    private static async Task<int> AnnounceAllAsync(TestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StrandAnnouncer>().AnnounceAllAsync(CancellationToken.None);
    }

    private static Task<long> PendingAsync(TestDatabase db) =>
        db.ScalarAsync<long>("SELECT count(*) FROM platform.outbox_messages WHERE dispatched_at IS NULL");

    private static async Task AssertBoardHoldsEachCommittedMessageOnceAsync(TestDatabase db)
    {
        var committed = await db.ColumnAsync("SELECT id FROM platform.outbox_messages ORDER BY id");
        var received = await db.ColumnAsync("SELECT message_id FROM board.announcements ORDER BY message_id");
        Assert.Equal(committed, received);
        Assert.Equal((long)committed.Count, await db.ScalarAsync<long>("SELECT count(*) FROM board.processed_messages WHERE consumer LIKE 'Strand%'"));
        // The action plans' messages travel through the Plans outbox and must all have arrived once too.
        Assert.Equal(
            await db.ColumnAsync("SELECT id FROM (SELECT id FROM plans.outbox_messages UNION ALL SELECT id FROM performance.outbox_messages) o ORDER BY id"),
            await db.ColumnAsync("SELECT message_id FROM board.processed_messages WHERE consumer NOT LIKE 'Strand%' ORDER BY message_id"));
        Assert.Equal(8L, await db.ScalarAsync<long>("SELECT count(*) FROM board.strands"));
    }

    [Fact]
    public async Task Strands_reach_the_board_over_rabbitmq()
    {
        await using var broker = await TestBroker.CreateAsync();
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString, settings: broker.Settings);

        await Eventually.WaitForAsync(() => db.ScalarAsync<long>("SELECT count(*) FROM board.strands"), c => c == 8, "eight strands over RabbitMQ");
        await Eventually.WaitForAsync(() => db.ScalarAsync<long>("SELECT count(*) FROM board.objectives"), c => c == 163, "the 163 objectives over RabbitMQ");
        // The strategy's and the measures' announcements follow the objectives.
        await Eventually.WaitForAsync(
            async () => await db.ScalarAsync<long>("SELECT (SELECT count(*) FROM plans.outbox_messages) + (SELECT count(*) FROM performance.outbox_messages)") - await db.ScalarAsync<long>("SELECT count(*) FROM board.processed_messages WHERE consumer NOT LIKE 'Strand%'"),
            d => d == 0, "every plans and performance message consumed");
        await AssertBoardHoldsEachCommittedMessageOnceAsync(db);
    }

    [Fact]
    public async Task A_change_committed_while_the_broker_is_down_reaches_the_board_when_it_returns()
    {
        await using var broker = await TestBroker.CreateAsync();
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString, settings: broker.Settings);
        await Eventually.WaitForAsync(() => db.ScalarAsync<long>("SELECT count(*) FROM board.announcements"), c => c == 8, "start-up announcements");

        await TestBroker.StopAsync();
        Assert.Equal(8, await AnnounceAllAsync(host));
        // The dispatcher tries, fails and keeps the rows; nothing reaches the Board while the broker is down.
        await Eventually.WaitForAsync(
            () => db.ScalarAsync<long>("SELECT count(*) FROM platform.outbox_messages WHERE attempts > 0"), c => c > 0, "a failed publish attempt");
        Assert.Equal(8L, await PendingAsync(db));
        Assert.Equal(8L, await db.ScalarAsync<long>("SELECT count(*) FROM board.announcements"));

        await TestBroker.StartAsync();

        await Eventually.WaitForAsync(() => db.ScalarAsync<long>("SELECT count(*) FROM board.announcements"), c => c == 16, "the held messages on the Board", TimeSpan.FromSeconds(120));
        Assert.Equal(0L, await PendingAsync(db));
        await Eventually.WaitForAsync(
            async () => await db.ScalarAsync<long>("SELECT (SELECT count(*) FROM plans.outbox_messages) + (SELECT count(*) FROM performance.outbox_messages)") - await db.ScalarAsync<long>("SELECT count(*) FROM board.processed_messages WHERE consumer NOT LIKE 'Strand%'"),
            d => d == 0, "every plans and performance message consumed", TimeSpan.FromSeconds(120));
        await AssertBoardHoldsEachCommittedMessageOnceAsync(db);
    }

    [Fact]
    public async Task Stopping_the_broker_while_publishing_loses_nothing_and_duplicates_nothing()
    {
        const int rounds = 25;
        await using var broker = await TestBroker.CreateAsync();
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString, settings: broker.Settings);
        await Eventually.WaitForAsync(() => db.ScalarAsync<long>("SELECT count(*) FROM board.announcements"), c => c == 8, "start-up announcements");

        for (var round = 1; round <= rounds; round++)
        {
            await AnnounceAllAsync(host);
            if (round == 8)
            {
                await TestBroker.StopAsync();
            }

            if (round == 20)
            {
                await TestBroker.StartAsync();
            }

            await Task.Delay(50);
        }

        var expected = 8 * (rounds + 1);
        await Eventually.WaitForAsync(
            () => db.ScalarAsync<long>("SELECT count(*) FROM board.announcements"), c => c == expected, $"{expected} announcements on the Board", TimeSpan.FromSeconds(180));
        await Eventually.WaitForAsync(() => PendingAsync(db), p => p == 0, "an empty outbox");
        await Eventually.WaitForAsync(
            () => db.ScalarAsync<long>("SELECT count(*) FROM plans.outbox_messages WHERE dispatched_at IS NULL"), p => p == 0, "an empty plans outbox", TimeSpan.FromSeconds(120));
        await Eventually.WaitForAsync(
            async () => await db.ScalarAsync<long>("SELECT (SELECT count(*) FROM plans.outbox_messages) + (SELECT count(*) FROM performance.outbox_messages)") - await db.ScalarAsync<long>("SELECT count(*) FROM board.processed_messages WHERE consumer NOT LIKE 'Strand%'"),
            d => d == 0, "every plans and performance message consumed", TimeSpan.FromSeconds(120));

        // The outage really hit publishing: some messages needed more than one attempt.
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM platform.outbox_messages WHERE attempts > 0") > 0);
        await AssertBoardHoldsEachCommittedMessageOnceAsync(db);
        Assert.Equal(
            Enumerable.Repeat((rounds + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), 8),
            await db.ColumnAsync("SELECT count(*) FROM board.announcements GROUP BY strand_id ORDER BY strand_id"));
    }
}
