using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SeriousViolence.Abstractions;
using SeriousViolence.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

// Not ...EndToEnd.Strands.Homicide: the project already has a class named Strands (Strands.cs), which that namespace would clash with.
namespace SeriousViolence.Tests.EndToEnd.StrandJourneys.Homicide;

/// <summary>
/// Homicide's lead, in Chromium: is told what is wrong with bad input beside each field, opens an investigation, then
/// detects, charges and convicts it, sees the quarter's detection rate on the measure's page, and logs an FIU request
/// with its deadline computed on receipt.
/// </summary>
[Collection(OneBrowser.Name)]
public sealed class HomicideRegistersJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task The_lead_opens_an_investigation_detects_charges_and_convicts_it_sees_the_measure_and_logs_an_fiu_request()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        var leadUser = await host.CreateUserAsync("homicide.lead@test.invalid", "DCS Homicide", new RoleGrant(Role.StrandLead, "homicide"));
        await using var lead = await Visitor.ArriveAsync(browser.Browser, host, output, "homicide lead", leadUser);
        var page = lead.Page;

        // The strand's page has the registers' section, linking to each.
        await lead.OpenAsync("strands/homicide");
        await Expect(page.Locator("#homicide-investigations-summary")).ToContainTextAsync("none recorded yet.");
        await page.Locator("#homicide-investigations-summary a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/strands/homicide/investigations$"));
        await lead.WaitUntilInteractiveAsync("#investigation-form");

        // Bad input: a person's name for the operation, a conviction with no charge, no borough.
        await page.GetByLabel("Operation name").FillAsync("John Smith");
        await page.GetByLabel("Opened").FillAsync("2026-07-06");
        await page.GetByLabel("Outcome at court").SelectOptionAsync("convicted-murder");
        await page.Locator("#investigation-save").ClickAsync();
        await Expect(page.Locator("#investigation-invalid")).ToBeVisibleAsync();
        await Expect(page.Locator("#investigation-error-operationname")).ToContainTextAsync("Never a victim's or suspect's name.");
        await Expect(page.Locator("#investigation-error-borough")).ToHaveTextAsync("Choose one of London's 33 boroughs (a GSS code such as E09000008).");
        await Expect(page.Locator("#investigation-error-outcome")).ToHaveTextAsync("A conviction needs a charge: give the date someone was charged first.");
        await Expect(page.Locator("#investigation-operation-name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#investigations-empty")).ToBeVisibleAsync();
        await ScreenshotsAsync(lead, "homicide-investigation-invalid");

        // Opened properly.
        await page.GetByLabel("Operation name").FillAsync("Operation Ashdown");
        await page.GetByLabel("Borough").SelectOptionAsync(new SelectOptionValue { Label = "Lambeth" });
        await page.GetByLabel("Outcome at court").SelectOptionAsync("");
        await page.Locator("#investigation-save").ClickAsync();
        await Expect(page.Locator("#investigation-saved")).ToHaveTextAsync("Saved: Operation Ashdown, open (version 1).");
        var row = page.Locator("#investigations-table tr[data-operation='Operation Ashdown']");
        await Expect(row).ToContainTextAsync("Lambeth");

        // Detected, charged and convicted of manslaughter (a conviction).
        await row.GetByRole(AriaRole.Button, new() { Name = "Change Operation Ashdown" }).ClickAsync();
        await Expect(page.Locator("#investigation-form-heading")).ToHaveTextAsync("Update Operation Ashdown");
        await page.GetByLabel("Status").SelectOptionAsync("detected");
        await page.GetByLabel("Detected on").FillAsync("2026-07-20");
        await page.GetByLabel("Charged on").FillAsync("2026-07-21");
        await page.GetByLabel("Outcome at court").SelectOptionAsync("convicted-manslaughter");
        await page.Locator("#investigation-save").ClickAsync();
        await Expect(page.Locator("#investigation-saved")).ToHaveTextAsync("Saved: Operation Ashdown, detected (version 2).");
        await Expect(row).ToContainTextAsync("Convicted of manslaughter");
        await ScreenshotsAsync(lead, "homicide-investigation-saved");

        // The measure's page charts the quarter the investigation opened in, from the register.
        await Eventually.WaitForAsync(
            () => db.ScalarAsync<long>("SELECT count(*) FROM performance.observations WHERE measure_code = 'homicide-detection-rate' AND geography = 'london' AND value = 100 AND revision = 2"),
            n => n == 1, "London's detection rate at 100% (revision 2)");
        await lead.OpenAsync("measures/homicide-detection-rate");
        await Expect(page.Locator("main")).ToContainTextAsync("2026/27 Q2");
        await ScreenshotsAsync(lead, "homicide-detection-rate");

        // An FIU cash seizure: the deadline, 48 hours from receipt, shown on saving.
        await lead.OpenAsync("strands/homicide/fiu");
        await lead.WaitUntilInteractiveAsync("#fiu-form");
        var received = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddHours(-1), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        await page.GetByLabel("Type of request").SelectOptionAsync("cash-seizure");
        await page.GetByLabel("Received at").FillAsync(received.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#fiu-save").ClickAsync();
        var deadline = received.AddHours(48).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
        await Expect(page.Locator("#fiu-saved")).ToHaveTextAsync($"Saved: FIU-000001, deadline {deadline} (version 1).");
        await Expect(page.Locator("#fiu-table tr[data-request='FIU-000001']")).ToContainTextAsync("Pending");
        await ScreenshotsAsync(lead, "homicide-fiu-logged");

        await lead.OpenAsync("strands/homicide");
        await Expect(page.Locator("#homicide-fiu-summary")).ToContainTextAsync("1 logged, 1 awaiting a response, 0 past their deadline.");
        Assert.Empty(lead.Errors);
    }

    /// <summary>Full-page screenshots at a laptop's and a phone's width.</summary>
    private static async Task ScreenshotsAsync(Visitor visitor, string name)
    {
        await visitor.Page.SetViewportSizeAsync(1280, 900);
        await visitor.ScreenshotAsync($"{name}-1280.png");
        await visitor.Page.SetViewportSizeAsync(390, 844);
        await visitor.ScreenshotAsync($"{name}-390.png");
        await visitor.Page.SetViewportSizeAsync(1280, 900);
    }
}
