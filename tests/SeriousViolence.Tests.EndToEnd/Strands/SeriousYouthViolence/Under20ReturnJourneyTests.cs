using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SeriousViolence.Abstractions;
using SeriousViolence.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SeriousViolence.Tests.EndToEnd.SeriousYouthViolence;

/// <summary>
/// The under-20 return in Chromium: the analyst prepares Southwark's month from the strand page (and is told, beside
/// the field, what is wrong), the strand's lead approves it, and the strand page and the measure's page show it.
/// </summary>
[Collection(OneBrowser.Name)]
public sealed class Under20ReturnJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Southwark = "E09000028";

    [Fact]
    public async Task The_analyst_prepares_an_under_20_return_the_lead_approves_it_and_the_strand_page_and_the_measure_show_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        var analystUser = await host.CreateUserAsync("syv.analyst@test.invalid", "SYV analyst", new RoleGrant(Role.ActionOwner, "serious-youth-violence"));
        var leadUser = await host.CreateUserAsync("syv.lead@test.invalid", "DCS Violent Crime", new RoleGrant(Role.StrandLead, "serious-youth-violence"));
        var now = DateTime.UtcNow;
        var lastMonth = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-1);
        var monthName = lastMonth.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

        await using (var analyst = await Visitor.ArriveAsync(browser.Browser, host, output, "syv analyst", analystUser))
        {
            var page = analyst.Page;
            await analyst.OpenAsync("strands/serious-youth-violence");
            await Expect(page.Locator("#returns-under-20-empty")).ToHaveTextAsync("No return yet.");
            await page.Locator("#returns-under-20-section").GetByRole(AriaRole.Link, new() { Name = "Prepare, approve or correct a return" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/strands/serious-youth-violence/under-20-returns$"));
            await analyst.WaitUntilInteractiveAsync("#returns-month");
            await Expect(page.Locator("#returns-month-heading")).ToHaveTextAsync(monthName);

            var southwark = page.Locator($"#returns-table tr[data-geography='{Southwark}']");
            await southwark.GetByRole(AriaRole.Button, new() { Name = "Prepare the return for Southwark" }).ClickAsync();
            await page.Locator("#return-victimsMurder").FillAsync("1");
            await page.Locator("#return-victimsAttemptedMurder").FillAsync("2");
            await page.Locator("#return-victimsGbh").FillAsync("-5");
            await page.Locator("#return-victimsWeaponEnabled").FillAsync("9");
            await page.Locator("#return-accusedMurder").FillAsync("0");
            await page.Locator("#return-accusedAttemptedMurder").FillAsync("1");
            await page.Locator("#return-accusedGbh").FillAsync("4");
            await page.Locator("#return-accusedWeaponEnabled").FillAsync("7");
            await page.Locator("#return-save").ClickAsync();
            await Expect(page.Locator("#return-invalid")).ToBeVisibleAsync();
            await Expect(page.Locator("#return-error-victimsgbh")).ToHaveTextAsync("A whole number from 0 to 100,000.");
            await Expect(page.Locator("#return-victimsGbh")).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page.Locator("#return-victimsMurder")).ToHaveAttributeAsync("aria-invalid", "false");
            await ScreenshotsAsync(analyst, "syv-under-20-return-invalid");

            await page.Locator("#return-victimsGbh").FillAsync("5");
            await page.Locator("#return-save").ClickAsync();
            await Expect(page.Locator("#returns-notice")).ToContainTextAsync("awaits a lead's approval");
            await Expect(southwark).ToHaveAttributeAsync("data-status", "Draft");
            await Expect(southwark.GetByRole(AriaRole.Button, new() { Name = "Approve the return for Southwark" })).ToHaveCountAsync(0);
            Assert.Empty(analyst.Errors);
        }

        await using var lead = await Visitor.ArriveAsync(browser.Browser, host, output, "syv lead", leadUser);
        var leadPage = lead.Page;
        await lead.OpenAsync("strands/serious-youth-violence/under-20-returns");
        await lead.WaitUntilInteractiveAsync("#returns-month");
        var row = leadPage.Locator($"#returns-table tr[data-geography='{Southwark}']");
        await row.GetByRole(AriaRole.Button, new() { Name = "Approve the return for Southwark" }).ClickAsync();
        await Expect(leadPage.Locator("#returns-notice")).ToContainTextAsync("now counts in the strand's measures");
        await Expect(row).ToHaveAttributeAsync("data-status", "Approved");
        await Expect(row).ToContainTextAsync("DCS Violent Crime");
        await Expect(leadPage.Locator("#returns-month-summary")).ToContainTextAsync("1 of 32 approved");
        await ScreenshotsAsync(lead, "syv-under-20-return-approved");

        // The strand page's section has the month; London's totals wait for every borough.
        await lead.OpenAsync("strands/serious-youth-violence");
        var section = leadPage.Locator("#returns-under-20-section");
        await Expect(section.Locator("tbody tr").First).ToContainTextAsync(monthName);
        await Expect(section.Locator("tbody tr").First).ToContainTextAsync("1 of 32");
        await Expect(section.Locator("tbody tr").First).ToContainTextAsync("not yet complete");
        await Expect(leadPage.Locator("#returns-operation-blunt-empty")).ToBeVisibleAsync();
        await section.ScrollIntoViewIfNeededAsync();
        await ScreenshotsAsync(lead, "syv-strand-page-returns");

        // The measure's page has Southwark's month: 1 + 2 + 5 + 9 victims under 20.
        await Eventually.WaitForAsync(
            () => db.ScalarAsync<long>("SELECT count(*) FROM board.measure_observations WHERE measure_code = 'syv-victims-under-20'"), n => n == 1, "the observation on the Board");
        Assert.Equal(17m, await db.ScalarAsync<decimal>("SELECT value FROM performance.observations WHERE measure_code = 'syv-victims-under-20'"));
        await lead.OpenAsync("measures/syv-victims-under-20");
        await Expect(leadPage.Locator("h1")).ToContainTextAsync("Under-20 victims of serious youth violence");
        await Expect(leadPage.Locator($"[data-geography='{Southwark}']").First).ToBeAttachedAsync();
        await ScreenshotsAsync(lead, "syv-victims-under-20-measure");
        Assert.Empty(lead.Errors);
    }

    private static async Task ScreenshotsAsync(Visitor visitor, string name)
    {
        await visitor.Page.SetViewportSizeAsync(1280, 900);
        await visitor.ScreenshotAsync($"{name}-1280.png");
        await visitor.Page.SetViewportSizeAsync(390, 844);
        await visitor.ScreenshotAsync($"{name}-390.png");
        await visitor.Page.SetViewportSizeAsync(1280, 900);
    }
}
