using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SeriousViolence.Abstractions;
using SeriousViolence.Tests.NinthStrand.Returns;
using SeriousViolence.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SeriousViolence.Tests.EndToEnd;

/// <summary>The ninth strand's own page: its lead enters a monthly return, is told what is wrong with bad input, and sees it saved.</summary>
[Collection(OneBrowser.Name)]
public sealed class NinthStrandReturnsPageTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task The_lead_opens_the_returns_page_from_the_strands_page_enters_a_return_and_sees_it_listed_and_summarised()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await NinthStrandVisits.StartAsync(db);
        var leadUser = await NinthStrandVisits.LeadAsync(host);
        await using var lead = await Visitor.ArriveAsync(browser.Browser, host, output, "ninth lead", leadUser);
        var page = lead.Page;

        // The strand's own section on its page links to the returns page.
        await lead.OpenAsync("strands/ninth-test");
        await Expect(page.Locator("#ninth-returns-summary")).ToHaveTextAsync("No returns yet.");
        await page.Locator("#ninth-returns-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/strands/ninth-test/returns$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Test returns");
        await lead.WaitUntilInteractiveAsync("#return-form");

        // Bad input: a message beside each field at fault, nothing saved.
        await page.GetByLabel("Count").FillAsync("lots");
        await page.GetByLabel("Prepared by (team or role)").FillAsync("Croydon BCU analysts");
        await page.Locator("#return-save").ClickAsync();
        await Expect(page.Locator("#return-invalid")).ToBeVisibleAsync();
        await Expect(page.Locator("#return-error-borough")).ToHaveTextAsync("Choose one of London's 33 boroughs (a GSS code such as E09000008).");
        await Expect(page.Locator("#return-error-month")).ToHaveTextAsync("Give the month as year and month, e.g. 2026-03.");
        await Expect(page.Locator("#return-error-count")).ToHaveTextAsync("The count must be a whole number from 0 to 1,000,000.");
        await Expect(page.Locator("#return-count")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#returns-empty")).ToBeVisibleAsync();
        await NinthStrandVisits.ScreenshotsAsync(lead, "ninth-returns-invalid");

        // A good return: saved, listed with its marking, and the banner shows the highest marking on the page.
        await page.GetByLabel("Borough").SelectOptionAsync(new SelectOptionValue { Label = "Croydon" });
        await page.GetByLabel("Month").FillAsync("2026-10");
        await page.GetByLabel("Count").FillAsync("12");
        await page.Locator("#return-marking").SelectOptionAsync("OFFICIAL-SENSITIVE");
        await page.Locator("#return-save").ClickAsync();
        await Expect(page.Locator("#return-saved")).ToHaveTextAsync("Saved: Croydon, October 2026: 12 (version 1).");
        var row = page.Locator("#returns-table tr[data-return='E09000008-2026-10']");
        await Expect(row).ToContainTextAsync("Croydon");
        await Expect(row).ToContainTextAsync("October 2026");
        await Expect(row).ToContainTextAsync("Croydon BCU analysts");
        await Expect(row).ToContainTextAsync("OFFICIAL-SENSITIVE");
        await Expect(row).ToContainTextAsync("DCS Ninth Test");
        await Expect(page.Locator(".marking-banner").First).ToHaveTextAsync("OFFICIAL-SENSITIVE");
        await NinthStrandVisits.ScreenshotsAsync(lead, "ninth-returns-saved");

        // Changing it: the form opens at the version read, and the change is a new version.
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Change") }).ClickAsync();
        await Expect(page.Locator("#return-form-heading")).ToHaveTextAsync("Change a return");
        await page.GetByLabel("Count").FillAsync("14");
        await page.Locator("#return-save").ClickAsync();
        await Expect(page.Locator("#return-saved")).ToHaveTextAsync("Saved: Croydon, October 2026: 14 (version 2).");
        await Expect(row).ToContainTextAsync("14");

        await lead.OpenAsync("strands/ninth-test");
        await Expect(page.Locator("#ninth-returns-summary")).ToHaveTextAsync("1 returns recorded. Latest month October 2026: 1 of 33 boroughs, London total 14.");
        Assert.Empty(lead.Errors);
    }

    [Fact]
    public async Task A_lead_who_saves_a_return_someone_changed_meanwhile_is_told_what_they_saved_and_keeps_their_entry()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await NinthStrandVisits.StartAsync(db);
        var leadUser = await NinthStrandVisits.LeadAsync(host);
        var deputy = await host.CreateUserAsync("ninth.deputy@test.invalid", "DI Ninth Deputy", new RoleGrant(Role.StrandLead, "ninth-test"));
        await NinthStrandVisits.RecordAsync(host, leadUser, "E09000008", "2026-10", 12);
        await using var lead = await Visitor.ArriveAsync(browser.Browser, host, output, "ninth lead", leadUser);
        var page = lead.Page;
        await lead.OpenAsync("strands/ninth-test/returns");
        await lead.WaitUntilInteractiveAsync("#returns-table button");
        await page.Locator("#returns-table tr[data-return='E09000008-2026-10']").GetByRole(AriaRole.Button).ClickAsync();

        // The deputy saves first, from the same version.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var form = new TestReturnForm { Borough = "E09000008", Month = "2026-10", Count = "13", PreparedBy = "BCU analysts" };
            var saved = await scope.ServiceProvider.GetRequiredService<TestReturnCommands>().RecordAsync(deputy.Actor, form, 1, CancellationToken.None);
            Assert.True(saved.Succeeded);
        }

        await page.GetByLabel("Count").FillAsync("19");
        await page.Locator("#return-save").ClickAsync();

        await Expect(page.Locator("#return-conflict")).ToContainTextAsync("DI Ninth Deputy saved the return for Croydon, October 2026");
        await Expect(page.Locator("#return-conflict")).ToContainTextAsync("(count 13, version 2); your entry was not saved.");
        await Expect(page.Locator("#return-count")).ToHaveValueAsync("19");
        await Expect(page.Locator("#returns-table tr[data-return='E09000008-2026-10']")).ToContainTextAsync("DI Ninth Deputy");
        await NinthStrandVisits.ScreenshotsAsync(lead, "ninth-returns-conflict");
        Assert.Empty(lead.Errors);
    }
}
