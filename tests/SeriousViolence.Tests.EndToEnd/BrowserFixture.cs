using Microsoft.Playwright;
using Xunit;

namespace SeriousViolence.Tests.EndToEnd;

/// <summary>
/// One headless Chromium for the whole run: Debian's /usr/bin/chromium, never a browser Playwright downloads. The
/// flags stop Chromium's start-up calls to the internet, which fail on this closed network
/// (../shared/docs/environment.md, "Playwright"). Playwright's driver (Node and its package) ships in the NuGet package
/// and is copied to the output's .playwright folder by the build.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
            ],
        });
        // Generous bounds for a 2-core machine; they limit a hung test, they do not measure speed.
        Assertions.SetDefaultExpectTimeout(20_000);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class OneBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
