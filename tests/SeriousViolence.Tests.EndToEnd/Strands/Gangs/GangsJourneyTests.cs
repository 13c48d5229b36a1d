using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SeriousViolence.Abstractions;
using SeriousViolence.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SeriousViolence.Tests.EndToEnd.GangsStrand;

/// <summary>
/// The strand lead's journey in Chromium: puts a network on the matrix with its harm assessment, is told what is wrong
/// with a disruption dated in the future, records two disruptions and a reassessment, sees the measure move on the
/// strand page and the measure's page, then makes a partner export: refused under a lapsed agreement, made under a
/// current one with small numbers suppressed and the watermark shown. Screenshots at 1366 and 390 px wide.
/// </summary>
[Collection(OneBrowser.Name)]
public sealed class GangsJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task The_lead_assesses_a_network_records_disruptions_sees_the_measure_move_and_exports_for_a_partner_only_under_a_current_agreement()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString, TestHost.StrategyStrands);
        var leadUser = await host.CreateUserAsync("gangs.lead@test.invalid", "DCS Gangs", new RoleGrant(Role.StrandLead, "gangs-criminal-networks"));
        await using var lead = await Visitor.ArriveAsync(browser.Browser, host, output, "gangs lead", leadUser);
        var page = lead.Page;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        await lead.OpenAsync("strands/gangs-criminal-networks/register");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Criminal Networks Prioritisation Matrix");
        await lead.WaitUntilInteractiveAsync("#network-form");
        await page.Locator("#network-type").SelectOptionAsync("Gang");
        await page.Locator("#network-lead-unit").FillAsync("Trident South");
        await page.Locator("#network-boroughs input[data-gss='E09000022']").CheckAsync();
        foreach (var score in new[] { "violence", "weapons", "drugs", "exploitation", "communityimpact" })
        {
            await page.Locator($"#score-{score}").FillAsync("4");
        }

        await page.Locator("#score-violence").FillAsync("7");
        await page.Locator("#network-save").ClickAsync();
        await Expect(page.Locator("#gangs-error-violence")).ToHaveTextAsync("Score violence as a whole number from 0 to 5.");
        await page.Locator("#score-violence").FillAsync("4");
        await page.Locator("#network-save").ClickAsync();
        await Expect(page.Locator("#network-saved")).ToContainTextAsync("CN-0001 is on the matrix: Tier 1 (highest harm, 20-25)");
        await Expect(page.Locator("#register-table tr[data-network='CN-0001']")).ToContainTextAsync("Lambeth");
        await Expect(page.Locator(".marking-banner").First).ToHaveTextAsync("OFFICIAL-SENSITIVE");
        await Screenshots(lead, "gangs-register");

        await page.Locator("#register-table a", new() { HasText = "CN-0001" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/networks/CN-0001$"));
        await lead.WaitUntilInteractiveAsync("#disruption-form");
        await page.Locator("#disruption-on").FillAsync(today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("#disruption-type").SelectOptionAsync("Arrest");
        await page.Locator("#disruption-impact").SelectOptionAsync("Major");
        await page.Locator("#disruption-ripe").SelectOptionAsync("Enforcement");
        await page.Locator("#disruption-save").ClickAsync();
        await Expect(page.Locator("#gangs-error-occurredon")).ToHaveTextAsync("The disruption cannot be dated in the future.");
        await Expect(page.Locator("#ledger-empty")).ToBeVisibleAsync();
        await Screenshots(lead, "gangs-disruption-invalid");

        await page.Locator("#disruption-on").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("#disruption-save").ClickAsync();
        await Expect(page.Locator("#network-message")).ToContainTextAsync("Recorded: Arrest");
        await page.Locator("#disruption-on").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("#disruption-type").SelectOptionAsync("FirearmSeizure");
        await page.Locator("#disruption-impact").SelectOptionAsync("Moderate");
        await page.Locator("#disruption-ripe").SelectOptionAsync("Enforcement");
        await page.Locator("#disruption-firearms").FillAsync("2");
        await page.Locator("#disruption-save").ClickAsync();
        await Expect(page.Locator("#network-message")).ToContainTextAsync("Recorded: Firearm seizure");
        await Expect(page.Locator("#ledger-table tbody tr")).ToHaveCountAsync(2);

        // Reassessed after disruption: the history keeps both revisions.
        foreach (var score in new[] { "violence", "weapons", "drugs", "exploitation", "communityimpact" })
        {
            await page.Locator($"#score-{score}").FillAsync("2");
        }

        await page.Locator("#assessment-status").SelectOptionAsync("Disrupted");
        await page.Locator("#assessment-save").ClickAsync();
        await Expect(page.Locator("#network-message")).ToContainTextAsync("Reassessed: Tier 3 (8-13) (10 of 25)");
        await Expect(page.Locator("#history-table tbody tr")).ToHaveCountAsync(2);
        await Screenshots(lead, "gangs-network");

        // The measure moves: the strand page counts the ledger, the measure's page charts the month.
        var month = new DateOnly(today.Year, today.Month, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Eventually.WaitForAsync(
            () => db.ScalarAsync<long>($"SELECT coalesce(max(value), 0)::bigint FROM performance.observations WHERE measure_code = 'criminal-network-disruptions' AND period_start = '{month}'"),
            v => v == 2, "two disruptions this month in Performance's store");
        await lead.OpenAsync("strands/gangs-criminal-networks");
        await Expect(page.Locator("#gangs-ledger-summary")).ToContainTextAsync("Disruptions recorded: 2 (1 major, 1 moderate, 0 minor)");
        await Expect(page.Locator("#gangs-boroughs tr[data-borough='E09000022']")).ToContainTextAsync("Lambeth");
        await Expect(page.Locator("#gangs-picture")).Not.ToContainTextAsync("CN-0001");
        await Screenshots(lead, "gangs-strand-page");
        await lead.OpenAsync("measures/criminal-network-disruptions");
        await Expect(page.Locator("h1")).ToContainTextAsync("Criminal network disruptions");
        await Screenshots(lead, "gangs-measure");

        // Sharing: a lapsed agreement does not allow an export; a current one does, with small numbers suppressed.
        await lead.OpenAsync("strands/gangs-criminal-networks/exports");
        await lead.WaitUntilInteractiveAsync("#agreement-form");
        await RecordAgreementAsync(page, "Lambeth Youth Offending Service", "2024-01-01", "2024-12-31");
        await RecordAgreementAsync(page, "Lambeth Community Safety Partnership", today.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), today.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("#export-agreement").SelectOptionAsync(new SelectOptionValue { Label = "Lambeth Youth Offending Service (2024-01-01 to 2024-12-31)" });
        await page.Locator("#export-purpose").FillAsync("Lambeth serious violence problem profile");
        await page.Locator("#export-partner").ClickAsync();
        await Expect(page.Locator("#gangs-error-agreementid")).ToContainTextAsync("is not current. A partner receives figures only under a current agreement.");
        await Expect(page.Locator("#export-preview")).ToHaveCountAsync(0);
        await Expect(page.Locator("#exports-table")).ToContainTextAsync("Refused: the agreement with Lambeth Youth Offending Service");
        await Screenshots(lead, "gangs-export-refused");

        var current = await page.Locator("#export-agreement option", new() { HasText = "Lambeth Community Safety Partnership" }).GetAttributeAsync("value");
        await page.Locator("#export-agreement").SelectOptionAsync(current!);
        await page.Locator("#export-partner").ClickAsync();
        var preview = page.Locator("#export-preview");
        await Expect(preview).ToContainTextAsync("Prepared for Lambeth Community Safety Partnership");
        await Expect(preview).ToContainTextAsync("Purpose: Lambeth serious violence problem profile");
        await Expect(preview).ToContainTextAsync("Lambeth,E09000022,fewer than 5,fewer than 5,fewer than 5,fewer than 5");
        await Expect(preview).Not.ToContainTextAsync("CN-0001");
        await Expect(page.Locator("#export-download")).ToHaveAttributeAsync("download", new Regex("^criminal-networks-lambeth-community-safety-partnership-"));
        await Expect(page.Locator("#exports-table")).ToContainTextAsync("Made: 33 rows, 132 cells suppressed");
        await Screenshots(lead, "gangs-export-made");
        Assert.Empty(lead.Errors);
    }

    private static async Task RecordAgreementAsync(IPage page, string partner, string starts, string expires)
    {
        await page.Locator("#agreement-partner").FillAsync(partner);
        await page.Locator("#agreement-basis").FillAsync("Crime and Disorder Act 1998, s.115");
        await page.Locator("#agreement-purpose").FillAsync("Local problem profiles of serious violence");
        await page.Locator("#agreement-starts").FillAsync(starts);
        await page.Locator("#agreement-expires").FillAsync(expires);
        await page.Locator("#agreement-save").ClickAsync();
        await Expect(page.Locator("#agreement-saved")).ToContainTextAsync($"Recorded the agreement with {partner}");
    }

    private static async Task Screenshots(Visitor visitor, string name)
    {
        await visitor.Page.SetViewportSizeAsync(1280, 900);
        await visitor.ScreenshotAsync($"{name}-1280.png");
        await visitor.Page.SetViewportSizeAsync(390, 844);
        await visitor.ScreenshotAsync($"{name}-390.png");
        await visitor.Page.SetViewportSizeAsync(1280, 900);
    }
}
