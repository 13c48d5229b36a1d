using System.Text.Json;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>The Board counts the strands it was told about: no number of strands is written into it.</summary>
public sealed class BoardStrandCountTests
{
    [Fact]
    public async Task The_board_shows_as_many_strands_as_were_announced_to_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString, strands: TestHost.StrategyStrands.Take(3));
        await Eventually.WaitForAsync(() => db.ScalarAsync<long>("SELECT count(*) FROM board.strands"), n => n == 3, "three strands announced");

        var board = await host.Client.GetStringAsync("board");
        using var summary = JsonDocument.Parse(await host.Client.GetStringAsync("api/board/summary"));

        Assert.Contains("<h2 id=\"strands-heading\">The 3 strands</h2>", board, StringComparison.Ordinal);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(board, "<article class=\"card\""));
        Assert.Equal(3, summary.RootElement.GetProperty("strands").GetArrayLength());
    }
}
