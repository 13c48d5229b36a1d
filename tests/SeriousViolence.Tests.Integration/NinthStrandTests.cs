using System.Net;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>A strand that exists only in the tests composes by configuration alone, and leaves the same way.</summary>
public sealed class NinthStrandTests
{
    [Fact]
    public async Task A_ninth_strand_added_by_configuration_appears_in_navigation_serves_its_page_and_reaches_the_board()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString, [.. TestHost.StrategyStrands, TestHost.NinthStrand]);

        var home = await host.Client.GetStringAsync("");
        Assert.Contains("href=\"strands/ninth-test\"", home, StringComparison.Ordinal);
        Assert.Contains("Knife Crime Test Strand", home, StringComparison.Ordinal);

        var page = await host.Client.GetStringAsync("strands/ninth-test");
        Assert.Contains("Registered by the ninth strand&#x27;s own Autofac module.", page, StringComparison.Ordinal);

        var onBoard = await Eventually.WaitForAsync(
            () => db.ColumnAsync("SELECT name FROM board.strands WHERE strand_id = 'ninth-test' AND NOT withdrawn"),
            rows => rows.Count == 1,
            "the ninth strand's announcement on the Board");
        Assert.Equal(["Knife Crime Test Strand"], onBoard);
    }

    [Fact]
    public async Task A_strand_removed_from_configuration_disappears_from_navigation_its_page_and_the_board()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using (var withNinth = await TestHost.StartAsync(db.ConnectionString, [.. TestHost.StrategyStrands, TestHost.NinthStrand]))
        {
            await Eventually.WaitForAsync(
                () => db.ScalarAsync<long>("SELECT count(*) FROM board.strands WHERE NOT withdrawn"), c => c == 9, "nine strands on the Board");
        }

        await using var host = await TestHost.StartAsync(db.ConnectionString, TestHost.StrategyStrands);

        var home = await host.Client.GetStringAsync("");
        Assert.DoesNotContain("Knife Crime Test Strand", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("strands/ninth-test")).StatusCode);
        await Eventually.WaitForAsync(
            () => db.ScalarAsync<bool>("SELECT withdrawn FROM board.strands WHERE strand_id = 'ninth-test'"), w => w, "the ninth strand withdrawn");
        var board = await host.Client.GetStringAsync("board");
        Assert.DoesNotContain("Knife Crime Test Strand", board, StringComparison.Ordinal);
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT revision FROM platform.strands WHERE id = 'ninth-test'"));
    }
}
