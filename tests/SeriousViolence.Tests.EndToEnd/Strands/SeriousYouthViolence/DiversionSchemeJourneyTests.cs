using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SeriousViolence.Abstractions;
using SeriousViolence.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SeriousViolence.Tests.EndToEnd.SeriousYouthViolence;

/// <summary>
/// The strand's lead keeps the youth diversion schemes register in the browser: is told beside each field what is
/// wrong, records a scheme, and sees the coverage of the 32 boroughs change on the register, the strand page and the Board.
/// </summary>
[Collection(OneBrowser.Name)]
public sealed class DiversionSchemeJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task The_lead_records_a_scheme_and_sees_the_boroughs_coverage_on_the_register_the_strand_page_and_the_board()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        var leadUser = await host.CreateUserAsync("syv.lead@test.invalid", "DCS Violent Crime", new RoleGrant(Role.StrandLead, "serious-youth-violence"));
        await using var lead = await Visitor.ArriveAsync(browser.Browser, host, output, "serious youth violence lead", leadUser);
        var page = lead.Page;

        await lead.OpenAsync("strands/serious-youth-violence");
        await Expect(page.Locator("#diversion-schemes-summary")).ToHaveTextAsync("Active schemes in 0 of 32 boroughs (0 schemes recorded).");
        await page.Locator("#diversion-schemes-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/strands/serious-youth-violence/diversion-schemes$"));
        await lead.WaitUntilInteractiveAsync("#scheme-form");

        // Ages the wrong way round, no borough, no review date: refused beside each field.
        await page.GetByLabel("Scheme name").FillAsync("Lambeth Safe Spaces");
        await page.GetByLabel("Partner organisation").FillAsync("Lambeth Youth Service");
        await page.GetByLabel("Ages from").FillAsync("18");
        await page.GetByLabel("Ages to").FillAsync("12");
        await page.Locator("#scheme-save").ClickAsync();
        await Expect(page.Locator("#scheme-invalid")).ToBeVisibleAsync();
        await Expect(page.Locator("#field-error-borough")).ToHaveTextAsync("Choose one of the 32 London boroughs (a GSS code such as E09000022).");
        await Expect(page.Locator("#field-error-ageto")).ToHaveTextAsync("The oldest age must be at least the youngest (18).");
        await Expect(page.Locator("#field-error-lastreviewed")).ToHaveTextAsync("Give the date it was last reviewed, e.g. 2026-11-30.");
        await Expect(page.Locator("#schemes-empty")).ToBeVisibleAsync();
        await ScreenshotsAsync(lead, "syv-diversion-schemes-invalid");

        var reviewed = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.Locator("#scheme-borough").SelectOptionAsync(new SelectOptionValue { Label = "Lambeth" });
        await page.GetByLabel("Ages from").FillAsync("10");
        await page.GetByLabel("Ages to").FillAsync("17");
        await page.GetByLabel("Last reviewed").FillAsync(reviewed);
        await page.Locator("#scheme-save").ClickAsync();
        await Expect(page.Locator("#scheme-saved")).ToHaveTextAsync("Saved: Lambeth Safe Spaces, Lambeth (version 1).");
        await Expect(page.Locator("#coverage-heading")).ToHaveTextAsync("Coverage: Active schemes in 1 of 32 boroughs");
        await Expect(page.Locator("#coverage-gaps")).Not.ToContainTextAsync("Lambeth");
        await Expect(page.Locator("#coverage-gaps")).ToContainTextAsync("No active scheme (31):");
        var row = page.Locator("#schemes-table tr[data-scheme='E09000022-Lambeth Safe Spaces']");
        await Expect(row).ToContainTextAsync("Lambeth Youth Service");
        await Expect(row).ToContainTextAsync("10–17");
        await Expect(row).ToContainTextAsync("DCS Violent Crime (v1)");
        await ScreenshotsAsync(lead, "syv-diversion-schemes-saved");

        await lead.OpenAsync("strands/serious-youth-violence");
        await Expect(page.Locator("#diversion-schemes-summary")).ToHaveTextAsync("Active schemes in 1 of 32 boroughs (1 schemes recorded).");
        await page.Locator("#diversion-schemes-section").ScrollIntoViewIfNeededAsync();
        await ScreenshotsAsync(lead, "syv-strand-page-coverage");

        // The strand's card on the Board carries the register's highlight.
        await lead.OpenAsync("board/strands/serious-youth-violence");
        var highlights = page.GetByRole(AriaRole.List, new() { NameRegex = new Regex("^Highlights from") });
        await Expect(highlights).ToContainTextAsync("Youth diversion schemes", new() { Timeout = 30_000 });
        await Expect(highlights).ToContainTextAsync("1 of 32");
        await ScreenshotsAsync(lead, "syv-board-card");
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
