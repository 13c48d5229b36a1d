using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SeriousViolence.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SeriousViolence.Tests.EndToEnd;

/// <summary>
/// The governance pages in a real browser: an administrator runs the quarterly cycle from the jobs page, the Board
/// sees the locked quarters, views one as at its lock and compares it with another, records a meeting whose agenda is
/// drawn from the exceptions and sets a strand an action, which the strand's lead updates on the strand's page; the
/// bell counts what was sent to them.
/// </summary>
[Collection(OneBrowser.Name)]
public sealed class GovernancePagesTests(BrowserFixture browser, ITestOutputHelper output)
{
    // Until sign-in exists the UI acts as "local-operator": put that person on the Board and at the head of Jigsaw.
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Governance:Cycle:FirstQuarter"] = "2026/27 Q1",
        ["Governance:Directory:Board:0:Id"] = "local-operator",
        ["Governance:Directory:Board:0:Name"] = "Local operator",
        ["Governance:Directory:StrandLeads:jigsaw:0:Id"] = "local-operator",
        ["Governance:Directory:StrandLeads:jigsaw:0:Name"] = "Local operator",
    };

    [Fact]
    public async Task The_board_runs_the_cycle_reads_the_quarter_records_holds_a_meeting_and_a_strand_updates_its_action()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString, settings: Settings);
        await using var visitor = await Visitor.ArriveAsync(browser.Browser, host, output);
        var page = visitor.Page;

        await visitor.OpenAsync("admin/jobs");
        var cycleJob = page.Locator("section[data-job=quarterly-cycle]");
        await visitor.WaitUntilInteractiveAsync("section[data-job=quarterly-cycle] button[data-action=run-now]");
        await cycleJob.Locator("button[data-action=run-now]").ClickAsync();
        await Expect(page.Locator("#jobs-status")).ToContainTextAsync("quarterly-cycle was asked to run now");
        await Eventually.WaitForAsync(
            () => db.ScalarAsync<long>("SELECT count(*) FROM governance.job_runs WHERE job_name = 'quarterly-cycle' AND manual AND succeeded"), n => n == 1, "the cycle's run");
        await visitor.OpenAsync("admin/jobs");
        await Expect(cycleJob.Locator("dd[data-field=last]")).ToContainTextAsync("succeeded");
        await Expect(cycleJob.Locator("table")).ToContainTextAsync("Board pack issued for 2026/27 Q1.");
        await visitor.ScreenshotAsync("governance-jobs.png");

        await visitor.OpenAsync("governance/quarters");
        await Expect(page.Locator("#quarters tr[data-quarter='2026-27-Q1'] td[data-field=state]")).ToHaveTextAsync("locked");
        await Expect(page.Locator("#quarters tr[data-quarter='2026-27-Q2'] td[data-field=state]")).ToHaveTextAsync("locked");
        await Expect(page.Locator("#notification-bell [data-field=unread]")).ToHaveTextAsync("2");
        await visitor.ScreenshotAsync("governance-quarters.png");

        await page.Locator("#quarters tr[data-quarter='2026-27-Q2'] a", new() { HasTextString = "As at" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("2026/27 Q2 as at its lock");
        await Expect(page.Locator("#record-strands tbody tr")).ToHaveCountAsync(8);
        await visitor.WaitUntilInteractiveAsync("#compare-with");
        await page.Locator("#compare-with").SelectOptionAsync("2026/27 Q1");
        await Expect(page.Locator("#comparison h2")).ToHaveTextAsync("From 2026/27 Q1 to 2026/27 Q2");
        await visitor.ScreenshotAsync("governance-quarter-record.png");

        await visitor.OpenAsync("governance/meetings");
        await visitor.WaitUntilInteractiveAsync("#create-meeting");
        await page.Locator("#meeting-attendees").FillAsync("Commander VCD\nCommander OCCN");
        await page.Locator("#create-meeting").ClickAsync();
        await Expect(page.Locator("#agenda li[data-kind=exception]").First).ToBeVisibleAsync();
        await Expect(page.Locator("#agenda li[data-kind=exception]")).ToHaveCountAsync(8);
        await visitor.WaitUntilInteractiveAsync("#raise-action");
        await page.Locator("#action-strand").SelectOptionAsync("jigsaw");
        await page.Locator("#action-text").FillAsync("Present the MAPPA level 3 review to the Board.");
        await page.Locator("#raise-action").ClickAsync();
        await Expect(page.Locator("#meeting-status")).ToHaveTextAsync("Action set; the strand's lead has been told.");
        await Expect(page.Locator("#actions tbody tr")).ToHaveCountAsync(1);
        await visitor.ScreenshotAsync("governance-meeting.png");

        await visitor.OpenAsync("strands/jigsaw");
        var action = page.Locator("#actions-arising li[data-action-id]");
        await Expect(action).ToContainTextAsync("Present the MAPPA level 3 review to the Board.");
        await visitor.WaitUntilInteractiveAsync("#actions-arising button[data-action=update]");
        await action.Locator("button[data-action=update]").ClickAsync();
        await action.Locator("select[data-field=status]").SelectOptionAsync("InProgress");
        await action.Locator("textarea[data-field=progress]").FillAsync("Review drafted with the MAPPA coordinator.");
        await action.Locator("button[data-action=save]").ClickAsync();
        await Expect(page.Locator("#actions-arising .notice")).ToHaveTextAsync("Saved; the Board sees it at its next meeting.");
        await Expect(action.Locator(".status")).ToHaveTextAsync("InProgress");
        await Expect(page.Locator("#notification-bell [data-field=unread]")).ToHaveTextAsync("3");
        await page.Locator("#actions-arising").ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts("screenshots"), "governance-strand-actions.png") });

        await visitor.OpenAsync("notifications");
        await Expect(page.Locator("#notifications li.unread")).ToHaveCountAsync(3);
        await visitor.ScreenshotAsync("governance-notifications.png");
        Assert.Empty(visitor.Errors);
    }

    [Fact]
    public async Task The_bell_counts_a_new_notice_at_once_without_a_reload()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await using var visitor = await Visitor.ArriveAsync(browser.Browser, host, output);
        // A page with controls, so that the test knows the circuit (which the bell shares) is live.
        await visitor.OpenAsync("strands/jigsaw");
        await visitor.WaitUntilInteractiveAsync("#submit-quarter");
        var count = visitor.Page.Locator("#notification-bell [data-field=unread]");
        await Expect(count).ToHaveCountAsync(0);

        // The Board sets Jigsaw an action; the test operator leads Jigsaw, so they are told.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var chair = SeriousViolence.Abstractions.Actor.WithRoles("chair", "Commander VCD", new SeriousViolence.Abstractions.RoleGrant(SeriousViolence.Abstractions.Role.BoardChair));
            var meetings = scope.ServiceProvider.GetRequiredService<SeriousViolence.Governance.Meetings.MeetingCommands>();
            var meeting = await meetings.CreateAsync(chair, new DateOnly(2026, 11, 25), "November Board", ["Commander VCD"], CancellationToken.None);
            await meetings.RaiseActionAsync(chair, meeting.Id, "jigsaw", "Report on MAPPA level 3 caseloads", new DateOnly(2027, 1, 31), CancellationToken.None);
        }

        // Well inside the bell's half-minute check: the notice itself woke it.
        await Expect(count).ToHaveTextAsync("1", new() { Timeout = 5000 });
        Assert.Empty(visitor.Errors);
    }
}
