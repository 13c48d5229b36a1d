using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SeriousViolence.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SeriousViolence.Tests.EndToEnd;

/// <summary>
/// A Board page keeps its circuit over one WebSocket. When that socket closes, blazor.web.js (the 9.0 script we serve,
/// build/BlazorClientScript.props) shows its reconnect UI, opens a new socket and asks the server to reattach the same
/// circuit (ConnectCircuit); if the server refused, the script would reload the page instead.
/// How the connection is dropped: the page's own WebSocket is closed from page script, a real close of the connection
/// that Blazor's reconnection logic then handles. Playwright's BrowserContext.SetOfflineAsync is not used: in this
/// Chromium it leaves the open WebSocket open (readyState 1) and only silences it, so nothing happens until SignalR's
/// 30-second server timeout.
/// </summary>
[Collection(OneBrowser.Name)]
public sealed class BoardReconnectionTests(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>
    /// Runs before the page's scripts: wraps window.WebSocket so that every socket the page opens is kept in
    /// window.__svSockets, with its URL and what happened to it in window.__svSocketLog.
    /// </summary>
    private const string RecordWebSockets = """
        (() => {
          const Native = window.WebSocket;
          const sockets = window.__svSockets = [];
          const log = window.__svSocketLog = [];
          window.WebSocket = new Proxy(Native, {
            construct(target, args, newTarget) {
              const socket = Reflect.construct(target, args, newTarget);
              const entry = { url: String(args[0]), events: [] };
              sockets.push(socket);
              log.push(entry);
              socket.addEventListener('open', () => entry.events.push('open'));
              socket.addEventListener('close', e => entry.events.push(`close ${e.code}`));
              return socket;
            }
          });
        })();
        """;

    [Fact]
    public async Task The_board_reconnects_after_the_connection_drops_and_keeps_working()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await using var visitor = await Visitor.ArriveAsync(browser.Browser, host, output);
        var page = visitor.Page;
        await page.AddInitScriptAsync(RecordWebSockets);

        await visitor.OpenAsync("board");
        await visitor.WaitUntilInteractiveAsync("#reannounce");
        await Expect(page.Locator("#messages-received")).ToHaveTextAsync("8");
        var before = await SocketsAsync(page);
        Assert.Single(before);
        Assert.Matches("/_blazor\\?id=", before[0].Url);
        Assert.Empty(visitor.Errors);
        // A page reload (what the script does when the server refuses to reattach the circuit) would lose this.
        await page.EvaluateAsync("() => { window.__svSamePage = true; }");

        // Reconnection starts within milliseconds of the drop. To see and photograph the reconnect UI, hold the new
        // connection's first request (the SignalR negotiate) until the screenshot is taken; then let it through.
        var negotiateHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(new Regex("/_blazor/negotiate"), async route =>
        {
            negotiateHeld.TrySetResult();
            await release.Task;
            await route.ContinueAsync();
        });

        // The drop: close the circuit's WebSocket (4000: an application's own close code).
        await page.EvaluateAsync("() => window.__svSockets[0].close(4000, 'end-to-end test drops the connection')");

        var overlay = page.Locator("#components-reconnect-modal .components-reconnect-overlay");
        await Expect(overlay).ToBeVisibleAsync();
        await Expect(overlay).ToContainTextAsync("Rejoining the server");
        await negotiateHeld.Task.WaitAsync(TimeSpan.FromSeconds(20));
        // The dialog fades and slides in (0.3 s delay, then up to 1.5 s); photograph it once it has arrived.
        await page.WaitForFunctionAsync("""
            () => {
              const dialog = document.getElementById('components-reconnect-modal')?.shadowRoot?.querySelector('.components-reconnect-dialog');
              return !!dialog && dialog.getAnimations().every(a => a.playState === 'finished');
            }
            """);
        await visitor.ScreenshotAsync("board-reconnecting.png");
        release.SetResult();

        await Expect(overlay).ToBeHiddenAsync();
        await page.WaitForFunctionAsync(
            "() => window.__svSockets.length === 2 && window.__svSockets[1].readyState === WebSocket.OPEN");
        var after = await SocketsAsync(page);
        output.WriteLine("WebSockets: " + JsonSerializer.Serialize(after));
        // The server answers the close handshake (with its own code, 1000), so it knows the circuit lost its connection.
        Assert.Equal(2, after[0].Events.Length);
        Assert.Equal("open", after[0].Events[0]);
        Assert.StartsWith("close ", after[0].Events[1], StringComparison.Ordinal);
        Assert.Equal(["open"], after[1].Events);
        Assert.Matches("/_blazor\\?id=", after[1].Url);
        Assert.NotEqual(after[0].Url, after[1].Url);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__svSamePage === true"), "The page was reloaded: the circuit was not reattached.");
        await page.UnrouteAllAsync();

        await Expect(page.Locator("#messages-received")).ToHaveTextAsync("8");
        await page.Locator("#reannounce").ClickAsync();
        await Expect(page.Locator("#board-status")).ToContainTextAsync("Asked 8 strands to re-announce");
        await Expect(page.Locator("#messages-received")).ToHaveTextAsync("16");
        await Expect(page.Locator("#board-strands td[data-field=announcements]")).ToHaveTextAsync(Enumerable.Repeat("2", 8));
        await visitor.ScreenshotAsync("board-reconnected.png");

        // The script logs the drop as information ("Connection disconnected."), not as an error.
        Assert.Empty(visitor.Errors);
    }

    private static async Task<IReadOnlyList<SocketRecord>> SocketsAsync(IPage page) =>
        JsonSerializer.Deserialize<SocketRecord[]>(
            await page.EvaluateAsync<string>("() => JSON.stringify(window.__svSocketLog)"),
            JsonSerializerOptions.Web)!;

    private sealed record SocketRecord(string Url, string[] Events);
}
