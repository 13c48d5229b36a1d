using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SeriousViolence.Platform.Messaging;
using SeriousViolence.Platform.Strands;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>
/// The outbox publishes only what a loaded module registered: a row naming any other type, or a strand that is not
/// loaded, is held (never deserialised), reported, and does not block the rows committed after it.
/// </summary>
public sealed class OutboxHeldMessageTests
{
    [Fact]
    public async Task Rows_of_unregistered_types_or_unloaded_modules_are_held_and_reported_while_later_rows_are_published()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await Eventually.WaitForAsync(() => db.ScalarAsync<long>("SELECT count(*) FROM platform.outbox_messages WHERE dispatched_at IS NULL"), c => c == 0, "start-up messages published");

        // A type that is not a message at all (deserialising it would touch the file system), and a contract written for
        // a strand that this host does not run.
        await db.ScalarAsync<int>(
            """
            INSERT INTO platform.outbox_messages (id, message_type, body, created_at)
            VALUES ('00000000-0000-7000-8000-000000000001', 'System.IO.FileInfo', '{"fileName": "/etc/passwd"}', now());
            INSERT INTO platform.outbox_messages (id, message_type, body, source_module, created_at)
            VALUES ('00000000-0000-7000-8000-000000000002', 'SeriousViolence.Contracts.StrandWithdrawn',
                    '{"strandId": "knitting", "revision": 9, "occurredAt": "2026-01-01T00:00:00Z"}', 'SeriousViolence.Strands.Knitting', now());
            SELECT 1;
            """);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StrandAnnouncer>().AnnounceAllAsync(CancellationToken.None);
        }

        await Eventually.WaitForAsync(
            () => db.ScalarAsync<long>("SELECT count(*) FROM platform.outbox_messages WHERE dispatched_at IS NULL"), c => c == 2, "the announcements after the held rows published");
        Assert.Equal(
            ["00000000-0000-7000-8000-000000000001 0", "00000000-0000-7000-8000-000000000002 0"],
            await db.ColumnAsync("SELECT id || ' ' || attempts FROM platform.outbox_messages WHERE dispatched_at IS NULL ORDER BY id"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM board.announcements WHERE strand_id = 'knitting'"));

        var dispatcher = host.Services.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single();
        var held = await dispatcher.HeldAsync(CancellationToken.None);
        Assert.Contains(("platform: System.IO.FileInfo (type not registered by a loaded module)", 1L), held);
        Assert.Contains(("platform: SeriousViolence.Contracts.StrandWithdrawn from SeriousViolence.Strands.Knitting (module SeriousViolence.Strands.Knitting not loaded)", 1L), held);
    }
}
