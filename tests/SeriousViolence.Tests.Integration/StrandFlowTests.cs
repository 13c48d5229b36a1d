using System.Net;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>Each strand announces itself at start-up; the Board's own tables fill from those messages alone.</summary>
public sealed class StrandFlowTests
{
    [Fact]
    public async Task Every_configured_strand_reaches_the_board_through_the_in_memory_bus()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);

        var names = await Eventually.WaitForAsync(
            () => db.ColumnAsync("SELECT name FROM board.strands WHERE NOT withdrawn ORDER BY number"),
            n => n.Count == 8,
            "eight strands on the Board");

        Assert.Equal(
            ["Sex Offender Management (Jigsaw)", "Rape and Serious Sexual Offences (Sapphire)", "Domestic Violence and Hate Crime",
             "Serious Youth Violence", "Gangs and Criminal Networks", "Homicide", "Grievous Bodily Harm (GBH)", "Child Abuse"],
            names);
        // The Board's rows came from messages: each has its announcement logged under the outbox message's id.
        Assert.Equal(
            await db.ColumnAsync("SELECT id FROM platform.outbox_messages ORDER BY id"),
            await db.ColumnAsync("SELECT message_id FROM board.announcements ORDER BY message_id"));

        var board = await host.Client.GetStringAsync("board");
        Assert.All(names, name => Assert.Contains(WebUtility.HtmlEncode(name), board, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_restart_with_unchanged_strands_announces_again_at_the_same_revision()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using (var first = await TestHost.StartAsync(db.ConnectionString))
        {
            // The in-memory transport is not durable: let the first host's messages arrive before stopping it.
            await Eventually.WaitForAsync(() => db.ScalarAsync<long>("SELECT count(*) FROM board.announcements"), c => c == 8, "first announcements");
        }

        await using var host = await TestHost.StartAsync(db.ConnectionString);

        await Eventually.WaitForAsync(
            () => db.ScalarAsync<long>("SELECT count(*) FROM board.announcements"), c => c == 16, "two rounds of announcements");
        Assert.Equal(["1"], await db.ColumnAsync("SELECT DISTINCT revision FROM board.strands"));
        Assert.Equal(8L, await db.ScalarAsync<long>("SELECT count(*) FROM board.strands"));
    }
}
