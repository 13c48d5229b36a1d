using Microsoft.Playwright;
using SeriousViolence.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SeriousViolence.Tests.EndToEnd;

/// <summary>
/// The Board page is interactive: a click runs on the server over the page's circuit, and every open Board refreshes
/// by itself when the resulting messages arrive. This is the test that shows whether the Blazor client script we serve
/// (build/BlazorClientScript.props) works with the server.
/// </summary>
[Collection(OneBrowser.Name)]
public sealed class BoardLiveUpdateTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task A_click_on_the_board_round_trips_to_the_server_and_updates_every_open_board()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await using var clicker = await Visitor.ArriveAsync(browser.Browser, host, output, "A");
        await using var watcher = await Visitor.ArriveAsync(browser.Browser, host, output, "B");

        foreach (var visitor in new[] { clicker, watcher })
        {
            await visitor.OpenAsync("board");
            await visitor.WaitUntilInteractiveAsync("#reannounce");
            await Expect(visitor.Page.Locator("#messages-received")).ToHaveTextAsync("8");
        }

        await clicker.Page.Locator("#reannounce").ClickAsync();

        await Expect(clicker.Page.Locator("#board-status")).ToContainTextAsync("Asked 8 strands to re-announce");
        foreach (var visitor in new[] { clicker, watcher })
        {
            await Expect(visitor.Page.Locator("#messages-received")).ToHaveTextAsync("16");
            var rows = visitor.Page.Locator("#board-strands tbody tr[data-strand]");
            await Expect(rows).ToHaveCountAsync(8);
            await Expect(rows.Locator("td[data-field=announcements]")).ToHaveTextAsync(Enumerable.Repeat("2", 8));
        }

        await clicker.ScreenshotAsync("board.png");
        await watcher.ScreenshotAsync("board-live.png");
        Assert.Empty(clicker.Errors);
        Assert.Empty(watcher.Errors);
    }
}
