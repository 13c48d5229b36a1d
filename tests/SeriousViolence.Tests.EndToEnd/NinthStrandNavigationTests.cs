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

    [Fact]
    public async Task The_strands_lead_follows_its_navigation_entry_to_the_returns_page_and_enters_a_return()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await NinthStrandVisits.StartAsync(db);
        var leadUser = await NinthStrandVisits.LeadAsync(host);
        await using var lead = await Visitor.ArriveAsync(browser.Browser, host, output, "ninth lead", leadUser);
        var page = lead.Page;
        await lead.OpenAsync("");

        await page.Locator("nav").GetByRole(AriaRole.Link, new() { Name = "Test returns", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/strands/ninth-test/returns$"));
        await lead.WaitUntilInteractiveAsync("#return-form");
        await page.GetByLabel("Borough").SelectOptionAsync(new SelectOptionValue { Label = "Lambeth" });
        await page.GetByLabel("Month").FillAsync("2026-09");
        await page.GetByLabel("Count").FillAsync("30");
        await page.GetByLabel("Prepared by (team or role)").FillAsync("Lambeth BCU analysts");
        await page.Locator("#return-save").ClickAsync();
        await Expect(page.Locator("#return-saved")).ToHaveTextAsync("Saved: Lambeth, September 2026: 30 (version 1).");
        await Expect(page.Locator("#returns-table tr[data-return='E09000022-2026-09']")).ToContainTextAsync("30");
        await NinthStrandVisits.ScreenshotsAsync(lead, "ninth-navigation-entry");
        Assert.Empty(lead.Errors);
    }
}
