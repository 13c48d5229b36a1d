using System.Net;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>The strand's highlight, computed from its own returns, reaches its card on the Board with no Board code naming it.</summary>
public sealed class NinthStrandHighlightTests
{
    [Fact]
    public async Task The_strands_highlight_reaches_its_card_on_the_board_and_follows_each_change()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await NinthStrandHost.StartAsync(db);

        var croydon = await NinthStrandHost.RecordSavedAsync(host, NinthStrandHost.Lead, NinthStrandHost.Form(count: "12"));
        await NinthStrandHost.RecordSavedAsync(host, NinthStrandHost.Lead, NinthStrandHost.Form(borough: NinthStrandHost.Lambeth, count: "30"));
        await NinthStrandHost.RecordSavedAsync(host, NinthStrandHost.Lead, NinthStrandHost.Form(count: "1200"), croydon.Version);

        var card = await Eventually.WaitForAsync(
            async () => WebUtility.HtmlDecode(await host.Client.GetStringAsync("board/strands/ninth-test")),
            c => c.Contains("1,230", StringComparison.Ordinal),
            "the ninth strand's highlight with London's new total");
        Assert.Contains("Test returns", card, StringComparison.Ordinal);
        Assert.Contains("Returns recorded", card, StringComparison.Ordinal);
        Assert.Contains("2 of 33", card, StringComparison.Ordinal);
        Assert.Contains("October 2026", card, StringComparison.Ordinal);
        Assert.Contains("strands/ninth-test/returns", card, StringComparison.Ordinal);
        var board = WebUtility.HtmlDecode(await host.Client.GetStringAsync("board"));
        Assert.Contains("1,230", board, StringComparison.Ordinal);
    }
}
