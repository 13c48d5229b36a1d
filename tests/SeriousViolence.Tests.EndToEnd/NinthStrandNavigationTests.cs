using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SeriousViolence.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SeriousViolence.Tests.EndToEnd;

/// <summary>A strand added by configuration alone is as reachable in the browser as the eight of the strategy.</summary>
[Collection(OneBrowser.Name)]
public sealed class NinthStrandNavigationTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task A_ninth_strand_in_configuration_appears_in_the_navigation_and_its_page_opens()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString, [.. TestHost.StrategyStrands, TestHost.NinthStrand]);
        await using var visitor = await Visitor.ArriveAsync(browser.Browser, host, output);
        var page = visitor.Page;
        await visitor.OpenAsync("");

        var link = page.Locator("#strand-nav").GetByRole(AriaRole.Link, new() { Name = "Knife Crime Test Strand" });
        await Expect(page.Locator("#strand-nav > li")).ToHaveCountAsync(9);
        await link.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/strands/ninth-test$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Knife Crime Test Strand");
        await Expect(page.Locator("#ninth-greeting")).ToBeVisibleAsync();
        await Expect(page.Locator("#ninth-greeting")).ToHaveTextAsync("Registered by the ninth strand's own Autofac module.");
        await visitor.ScreenshotAsync("ninth-strand.png");
        Assert.Empty(visitor.Errors);
    }
}
