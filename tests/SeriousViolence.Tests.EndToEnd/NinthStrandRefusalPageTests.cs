using SeriousViolence.Abstractions;
using SeriousViolence.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SeriousViolence.Tests.EndToEnd;

/// <summary>Another strand's lead may read the returns but is refused entering one, on the page, and the refusal is audited.</summary>
[Collection(OneBrowser.Name)]
public sealed class NinthStrandRefusalPageTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Another_strands_lead_sees_the_returns_without_a_form_is_told_why_and_the_refusal_is_recorded_with_them()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await NinthStrandVisits.StartAsync(db);
        var ninthLead = await NinthStrandVisits.LeadAsync(host);
        await NinthStrandVisits.RecordAsync(host, ninthLead, "E09000022", "2026-09", 30);
        var homicideUser = await host.CreateUserAsync("homicide.lead@test.invalid", "DCS Homicide", new RoleGrant(Role.StrandLead, "homicide"));
        await using var visitor = await Visitor.ArriveAsync(browser.Browser, host, output, "homicide lead", homicideUser);
        var page = visitor.Page;

        await visitor.OpenAsync("strands/ninth-test/returns");

        await Expect(page.Locator("#returns-refused")).ToHaveTextAsync(
            "Your roles do not allow you to record a test return for this strand: only its leads and action owners may. If you need it, ask an administrator.");
        await Expect(page.Locator("#return-form")).ToHaveCountAsync(0);
        await Expect(page.Locator("#returns-table tr[data-return='E09000022-2026-09']")).ToContainTextAsync("Lambeth");
        await Expect(page.Locator("#returns-table button")).ToHaveCountAsync(0);
        await NinthStrandVisits.ScreenshotsAsync(visitor, "ninth-returns-refused");
        Assert.Equal(
            ["DCS Homicide|access-denied|record-test-return|ninth-test|GET /strands/ninth-test/returns"],
            await db.ColumnAsync(
                "SELECT actor_name || '|' || kind || '|' || entity_id || '|' || strand_id || '|' || split_part(summary, ':', 1) FROM platform.audit_records WHERE kind = 'access-denied'"));
        Assert.Empty(visitor.Errors);
    }
}
