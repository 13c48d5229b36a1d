using Microsoft.Playwright;
using SeriousViolence.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SeriousViolence.Tests.EndToEnd;

/// <summary>The home page introduces the strategy through its eight strands, in the strategy's order.</summary>
[Collection(OneBrowser.Name)]
public sealed class HomePageTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Home_page_lists_the_eight_strands_by_name()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await using var visitor = await Visitor.ArriveAsync(browser.Browser, host, output);

        await visitor.OpenAsync("");

        await Expect(visitor.Page.Locator("#home-strands > li > a")).ToHaveTextAsync(Strands.All.Select(s => s.Name));
        await visitor.ScreenshotAsync("home.png");
        Assert.Empty(visitor.Errors);
    }
}
