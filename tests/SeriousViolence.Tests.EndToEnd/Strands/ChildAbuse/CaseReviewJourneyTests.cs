using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SeriousViolence.Abstractions;
using SeriousViolence.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SeriousViolence.Tests.EndToEnd.ChildAbuse;

/// <summary>
/// An action owner keeps the case review recommendations tracker in the browser: is told beside each field what is
/// wrong, records a recommendation whose quarter has ended, and sees it overdue on the tracker, the strand page and the
/// Board's agenda.
/// </summary>
[Collection(OneBrowser.Name)]
public sealed class CaseReviewJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task An_action_owner_records_an_overdue_recommendation_and_finds_it_on_the_strand_page_and_the_boards_agenda()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        var ownerUser = await host.CreateUserAsync("caic.owner@test.invalid", "DI CAIC Partnership", new RoleGrant(Role.ActionOwner, "child-abuse"));
        await using var owner = await Visitor.ArriveAsync(browser.Browser, host, output, "child abuse action owner", ownerUser);
        var page = owner.Page;

        await owner.OpenAsync("strands/child-abuse");
        await Expect(page.Locator("#case-reviews-summary")).ToHaveTextAsync("No recommendations recorded yet.");
        await page.Locator("#case-reviews-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/strands/child-abuse/case-reviews$"));
        await owner.WaitUntilInteractiveAsync("#recommendation-form");
        // Closing is the lead's decision: an action owner cannot choose it.
        await Expect(page.Locator("#recommendation-status option[value='Closed']")).ToHaveAttributeAsync("disabled", "");

        // A name where the review reference goes, no due quarter, implemented without evidence: refused beside each field.
        await page.GetByLabel("Source review (reference)").FillAsync("Jane Doe");
        await page.GetByLabel("Owner (unit or role)").FillAsync("CAIC Partnership Team");
        await page.GetByLabel("Recommendation", new() { Exact = true }).FillAsync("Share strategy discussion minutes with the school within 24 hours.");
        await page.Locator("#recommendation-status").SelectOptionAsync("Implemented");
        await page.Locator("#recommendation-save").ClickAsync();
        await Expect(page.Locator("#recommendation-invalid")).ToBeVisibleAsync();
        await Expect(page.Locator("#field-error-sourcereview")).ToContainTextAsync("never a child's name");
        await Expect(page.Locator("#field-error-duequarter")).ToHaveTextAsync("Give the quarter it is due in as the action plans write it, e.g. 2026/27 Q3.");
        await Expect(page.Locator("#field-error-evidence")).ToContainTextAsync("Give the evidence that it was implemented");
        await Expect(page.Locator("#recommendation-review")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#recommendations-empty")).ToBeVisibleAsync();
        await ScreenshotsAsync(owner, "child-abuse-case-reviews-invalid");

        // Corrected: due in a quarter that has already ended, so it is overdue as soon as it is saved.
        var ended = FinancialQuarter.Containing(DateTimeOffset.UtcNow).Previous().ToString();
        await page.GetByLabel("Source review (reference)").FillAsync("SCR 2025/07");
        await page.GetByLabel("Due quarter").FillAsync(ended);
        await page.Locator("#recommendation-status").SelectOptionAsync("InProgress");
        await page.Locator("#recommendation-marking").SelectOptionAsync("OFFICIAL-SENSITIVE");
        await page.Locator("#recommendation-save").ClickAsync();
        await Expect(page.Locator("#recommendation-saved")).ToHaveTextAsync($"Saved: SCR 2025/07, due {ended}, in progress (version 1).");
        var row = page.Locator("#recommendations-table tr[data-recommendation='SCR 2025/07']");
        await Expect(row).ToContainTextAsync("overdue");
        await Expect(row).ToContainTextAsync("CAIC Partnership Team");
        await Expect(row).ToContainTextAsync("DI CAIC Partnership (v1)");
        await Expect(page.Locator(".marking-banner").First).ToHaveTextAsync("OFFICIAL-SENSITIVE");
        await ScreenshotsAsync(owner, "child-abuse-case-reviews-saved");

        // The CSV link works from the signed-in browser and carries the marking.
        var csv = await page.APIRequest.GetAsync(new Uri(host.BaseAddress, "api/strands/child-abuse/case-review-recommendations.csv").ToString());
        Assert.True(csv.Ok);
        Assert.StartsWith("OFFICIAL-SENSITIVE", (await csv.TextAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);

        await owner.OpenAsync("strands/child-abuse");
        await Expect(page.Locator("#case-reviews-summary")).ToHaveTextAsync("1 recommendations, 1 open, 1 overdue.");
        await Expect(page.Locator("#case-reviews-overdue li[data-recommendation='SCR 2025/07']")).ToContainTextAsync($"due {ended}, in progress, owner CAIC Partnership Team");
        await page.Locator("#case-reviews-section").ScrollIntoViewIfNeededAsync();
        await ScreenshotsAsync(owner, "child-abuse-strand-page-overdue");

        // On the Board's draft agenda, raised by the strand.
        await owner.OpenAsync("board/agenda");
        await Expect(page.GetByText($"1 serious case review recommendation overdue (the oldest due {ended}, SCR 2025/07, owned by CAIC Partnership Team)")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await ScreenshotsAsync(owner, "child-abuse-board-agenda");
        Assert.Empty(owner.Errors);
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
