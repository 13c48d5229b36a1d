using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Contracts;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>Delivery is at least once and in any order; the Board's picture must not depend on either.</summary>
public sealed class IdempotentConsumerTests
{
    private static StrandAnnounced Announcement(long revision, string name) => new()
    {
        StrandId = "sapphire", Revision = revision, OccurredAt = DateTimeOffset.UtcNow, Number = 2, Name = name,
        Operation = "Operation Sapphire", LeadRole = "DCS", Aim = ["aim"], PagePath = "/strands/sapphire",
    };

    private static Task PublishAsync(TestHost host, object message, Guid messageId) =>
        host.Services.GetRequiredService<IBus>().Publish(message, message.GetType(), Pipe.Execute<PublishContext>(c => c.MessageId = messageId));

    [Fact]
    public async Task The_same_message_delivered_twice_is_applied_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await Eventually.WaitForAsync(() => db.ScalarAsync<long>("SELECT count(*) FROM board.announcements"), c => c == 8, "start-up announcements");

        var id = Guid.NewGuid();
        await PublishAsync(host, Announcement(5, "Sapphire, revision 5"), id);
        await PublishAsync(host, Announcement(5, "Sapphire, revision 5"), id);
        await PublishAsync(host, Announcement(6, "Sapphire, revision 6 (a later message)"), Guid.NewGuid());

        // The later message has been applied, so both copies of the first have been consumed before it.
        await Eventually.WaitForAsync(() => db.ScalarAsync<long>("SELECT revision FROM board.strands WHERE strand_id = 'sapphire'"), r => r == 6, "revision 6");
        Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM board.announcements WHERE message_id = '{id}'"));
        Assert.Equal(10L, await db.ScalarAsync<long>("SELECT count(*) FROM board.processed_messages WHERE consumer = 'StrandAnnouncedConsumer'"));
    }

    [Fact]
    public async Task An_older_revision_arriving_late_does_not_overwrite_a_newer_one()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await Eventually.WaitForAsync(() => db.ScalarAsync<long>("SELECT count(*) FROM board.announcements"), c => c == 8, "start-up announcements");

        await PublishAsync(host, Announcement(7, "Newest name"), Guid.NewGuid());
        await Eventually.WaitForAsync(() => db.ScalarAsync<long>("SELECT revision FROM board.strands WHERE strand_id = 'sapphire'"), r => r == 7, "revision 7");
        await PublishAsync(host, Announcement(3, "Stale name"), Guid.NewGuid());
        await PublishAsync(host, new StrandWithdrawn { StrandId = "sapphire", Revision = 4, OccurredAt = DateTimeOffset.UtcNow }, Guid.NewGuid());
        await Eventually.WaitForAsync(() => db.ScalarAsync<long>("SELECT count(*) FROM board.announcements"), c => c == 11, "the late messages logged");

        Assert.Equal("Newest name", await db.ScalarAsync<string>("SELECT name FROM board.strands WHERE strand_id = 'sapphire'"));
        Assert.False(await db.ScalarAsync<bool>("SELECT withdrawn FROM board.strands WHERE strand_id = 'sapphire'"));
        Assert.Equal(7L, await db.ScalarAsync<long>("SELECT revision FROM board.strands WHERE strand_id = 'sapphire'"));
    }
}
