using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SeriousViolence.Abstractions;
using SeriousViolence.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SeriousViolence.Tests.EndToEnd.MonthlyReturns;

/// <summary>
/// A monthly return from end to end in Chromium, through the GBH strand: the analyst prepares Croydon's return (and is
/// told, beside the field, what is wrong), the lead approves it, and the strand's card on the Board and the measure's
/// page show it.
/// </summary>
[Collection(OneBrowser.Name)]
public sealed class GbhReturnJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static async Task ScreenshotsAsync(Visitor visitor, string name)
    {
        await visitor.Page.SetViewportSizeAsync(1366, 900);
        await visitor.ScreenshotAsync($"{name}-1366.png");
        await visitor.Page.SetViewportSizeAsync(390, 844);
        await visitor.ScreenshotAsync($"{name}-390.png");
        await visitor.Page.SetViewportSizeAsync(1366, 900);
    }

    [Fact]
    public async Task The_analyst_prepares_a_return_the_lead_approves_it_and_the_Board_and_the_measure_show_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        var analystUser = await host.CreateUserAsync("gbh.analyst@test.invalid", "GBH analyst", new RoleGrant(Role.ActionOwner, "gbh"));
        var leadUser = await host.CreateUserAsync("gbh.lead@test.invalid", "DCS GBH", new RoleGrant(Role.StrandLead, "gbh"));
        var now = DateTime.UtcNow;
        var lastMonth = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-1);
        var monthName = lastMonth.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

        await using (var analyst = await Visitor.ArriveAsync(browser.Browser, host, output, "gbh analyst", analystUser))
        {
            var page = analyst.Page;
            await analyst.OpenAsync("strands/gbh");
            await page.GetByRole(AriaRole.Link, new() { Name = "Prepare, approve or correct a return" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/strands/gbh/returns$"));
            await analyst.WaitUntilInteractiveAsync("#returns-month");
            await Expect(page.Locator("#returns-month-heading")).ToHaveTextAsync(monthName);

            var croydon = page.Locator("#returns-table tr[data-geography='E09000008']");
            await croydon.GetByRole(AriaRole.Button, new() { Name = "Prepare the return for Croydon" }).ClickAsync();
            await page.GetByLabel("GBH offences recorded").FillAsync("40");
            await page.GetByLabel("GBH offences detected").FillAsync("41");
            await page.GetByLabel("Investigations reviewed").FillAsync("8");
            await page.GetByLabel("Of those, compliant with the SOP").FillAsync("six");
            await page.GetByLabel("Actions raised by the reviews").FillAsync("3");
            await page.Locator("#return-save").ClickAsync();
            await Expect(page.Locator("#return-invalid")).ToBeVisibleAsync();
            await Expect(page.Locator("#return-error-gbhdetections")).ToHaveTextAsync("Detections cannot be more than the offences recorded in the month.");
            await Expect(page.Locator("#return-error-sopcompliant")).ToContainTextAsync("A whole number");
            await Expect(page.Locator("#return-gbhDetections")).ToHaveAttributeAsync("aria-invalid", "true");
            await ScreenshotsAsync(analyst, "gbh-return-invalid");

            await page.GetByLabel("GBH offences detected").FillAsync("10");
            await page.GetByLabel("Of those, compliant with the SOP").FillAsync("6");
            await page.Locator("#return-save").ClickAsync();
            await Expect(page.Locator("#returns-notice")).ToContainTextAsync("awaits a lead's approval");
            await Expect(croydon).ToHaveAttributeAsync("data-status", "Draft");
            // The person who prepared it is offered no approval.
            await Expect(croydon.GetByRole(AriaRole.Button, new() { Name = "Approve the return for Croydon" })).ToHaveCountAsync(0);
            Assert.Empty(analyst.Errors);
        }

        await using var lead = await Visitor.ArriveAsync(browser.Browser, host, output, "gbh lead", leadUser);
        var leadPage = lead.Page;
        await lead.OpenAsync("strands/gbh/returns");
        await lead.WaitUntilInteractiveAsync("#returns-month");
        var row = leadPage.Locator("#returns-table tr[data-geography='E09000008']");
        await row.GetByRole(AriaRole.Button, new() { Name = "Approve the return for Croydon" }).ClickAsync();
        await Expect(leadPage.Locator("#returns-notice")).ToContainTextAsync("now counts in the strand's measures");
        await Expect(row).ToHaveAttributeAsync("data-status", "Approved");
        await Expect(row).ToContainTextAsync("DCS GBH");
        await Expect(leadPage.Locator("#returns-month-summary")).ToContainTextAsync("1 of 32 approved");
        await ScreenshotsAsync(lead, "gbh-return-approved");

        // The Board's card for the strand carries the return's highlight; the measure's page has the month.
        await Eventually.WaitForAsync(
            () => db.ScalarAsync<long>("SELECT count(*) FROM board.measure_observations WHERE measure_code = 'gbh-detection-rate'"), n => n == 1, "the observation on the Board");
        await lead.OpenAsync("board");
        var card = leadPage.Locator("article.card[data-strand='gbh']");
        await Expect(card).ToContainTextAsync("GBH return");
        await Expect(card).ToContainTextAsync("1 of 32");
        await lead.OpenAsync("measures/gbh-detection-rate");
        await Expect(leadPage.Locator("h1")).ToContainTextAsync("GBH detection rate");
        await Expect(leadPage.Locator("[data-geography='E09000008']").First).ToBeAttachedAsync();
        await ScreenshotsAsync(lead, "gbh-detection-rate-measure");
        Assert.Empty(lead.Errors);
    }
}
