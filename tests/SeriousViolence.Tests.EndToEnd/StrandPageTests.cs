using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SeriousViolence.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SeriousViolence.Tests.EndToEnd;

/// <summary>Every strand has a page of its own, reached from the side navigation, that states the strand's aim.</summary>
[Collection(OneBrowser.Name)]
public sealed class StrandPageTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Each_strands_page_opens_from_navigation()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await using var visitor = await Visitor.ArriveAsync(browser.Browser, host, output);
        var page = visitor.Page;
        await visitor.OpenAsync("");

        foreach (var (id, name) in Strands.All)
        {
            await page.Locator("#strand-nav").GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex($"/strands/{Regex.Escape(id)}$"));
            await Expect(page.Locator("h1")).ToHaveTextAsync(name);
            var aim = page.GetByRole(AriaRole.Region, new() { Name = "Aim", Exact = true }).GetByRole(AriaRole.Listitem);
            await Expect(aim.First).ToBeVisibleAsync();
            Assert.True(await aim.CountAsync() >= 1, $"{name}: the Aim section lists nothing");
            await visitor.ScreenshotAsync($"strand-{id}.png");
        }

        Assert.Empty(visitor.Errors);
    }
}
