using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SeriousViolence.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SeriousViolence.Tests.EndToEnd;

/// <summary>
/// A strand lead's action-plan workspace on the strand page (src/SeriousViolence.Plans/Pages/ActionPlanWorkspace.razor):
/// editing an objective, the quarterly update and its submission as the Board sees it, a concurrent edit refused with
/// what changed, field messages for invalid input, and the filters. Until sign-in exists every browser acts as the
/// local operator.
/// </summary>
[Collection(OneBrowser.Name)]
public sealed class ActionPlanWorkspaceTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string LocalOperator = "Test operator";

    [Fact]
    public async Task A_lead_edits_an_objective_submits_the_quarter_and_the_board_reflects_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await using var lead = await Visitor.ArriveAsync(browser.Browser, host, output, "lead");
        await using var board = await Visitor.ArriveAsync(browser.Browser, host, output, "board");

        // The Board is open before anything is submitted and is never reloaded: what it shows later arrived by itself.
        await board.OpenAsync("board");
        await board.WaitUntilInteractiveAsync("#reannounce");
        var jigsawPlans = board.Page.Locator("#board-plans tr[data-strand=jigsaw]");
        var intelligence = jigsawPlans.Locator("td[data-ripe=Intelligence]");
        await Expect(intelligence.Locator("strong[data-field=total]")).ToHaveTextAsync("2");
        await Expect(intelligence.Locator("li[data-status=NotStarted]")).ToContainTextAsync("2");
        await Expect(jigsawPlans.Locator("td[data-field=submission]")).ToHaveTextAsync("none yet");

        var page = lead.Page;
        await OpenWorkspaceAsync(lead, "jigsaw");
        await Expect(page.Locator("li.objective")).ToHaveCountAsync(9);

        // Edit jigsaw-001.
        var first = Objective(page, "jigsaw-001");
        await first.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }).ClickAsync();
        var editor = first.Locator("form.objective-form");
        await Expect(editor).ToBeVisibleAsync();
        await editor.Locator("select[name=status]").SelectOptionAsync(new SelectOptionValue { Label = "On track" });
        await editor.Locator("select[name=rag]").SelectOptionAsync(new SelectOptionValue { Label = "Green" });
        await editor.Locator("input[name=percent]").FillAsync("30");
        await editor.Locator("input[name=owner]").FillAsync("DI Example");
        await lead.ScreenshotAsync("workspace-edit.png");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Expect(editor).ToHaveCountAsync(0);
        var meta = first.Locator(".objective-meta");
        await Expect(meta.Locator(".status")).ToHaveTextAsync("On track");
        await Expect(meta.Locator(".rag")).ToHaveTextAsync("Green");
        await Expect(meta).ToContainTextAsync("30%");
        await Expect(meta).ToContainTextAsync("Owner: DI Example");

        // Submitting before every objective has an update is refused, and says how many lack one.
        await page.Locator("#submit-quarter").ClickAsync();
        var submitMessage = page.Locator("#submit-message");
        await Expect(submitMessage).ToContainTextAsync(new Regex(@"\b9 of 9 objectives have no update for \d{4}/\d{2} Q[1-4]"));
        await Expect(page.Locator("#last-submission")).ToHaveTextAsync("Not yet submitted.");

        // The quarterly update for jigsaw-001 ...
        await first.GetByRole(AriaRole.Button, new() { Name = "Quarterly update" }).ClickAsync();
        var draft = first.Locator("form.draft-form");
        await Expect(draft).ToBeVisibleAsync();
        await draft.Locator("select[name=draft-rag]").SelectOptionAsync(new SelectOptionValue { Label = "Green" });
        await draft.Locator("input[name=draft-percent]").FillAsync("40");
        await draft.Locator("textarea[name=narrative]").FillAsync("Intelligence-sharing protocol agreed with SCD5 and piloted in two boroughs.");
        await draft.GetByRole(AriaRole.Button, new() { Name = "Save update" }).ClickAsync();
        await Expect(draft).ToHaveCountAsync(0);
        await Expect(first.Locator(".drafted")).ToContainTextAsync("Updated for");

        // ... and the other eight carried forward.
        for (var n = 2; n <= 9; n++)
        {
            var objective = Objective(page, $"jigsaw-{n:000}");
            await objective.GetByRole(AriaRole.Button, new() { Name = "Quarterly update" }).ClickAsync();
            var form = objective.Locator("form.draft-form");
            await form.Locator("input[name=carried-forward]").CheckAsync();
            await Expect(form.Locator("textarea[name=narrative]")).ToHaveCountAsync(0);
            await form.GetByRole(AriaRole.Button, new() { Name = "Save update" }).ClickAsync();
            await Expect(form).ToHaveCountAsync(0);
            await Expect(objective.Locator(".drafted")).ToContainTextAsync("Carried forward for");
        }

        await Expect(page.Locator("#quarter-progress")).ToHaveTextAsync("9 of 9 objectives updated or carried forward");

        await page.Locator("#submit-quarter").ClickAsync();
        await Expect(submitMessage).ToContainTextAsync(new Regex(@"^Submitted \d{4}/\d{2} Q[1-4]: 1 updated, 8 carried forward\."));
        await Expect(page.Locator("#last-submission")).ToContainTextAsync($"(revision 1) by {LocalOperator}");
        // The submitted update is the objective's position now.
        await Expect(meta.Locator(".rag")).ToHaveTextAsync("Green");
        await Expect(meta).ToContainTextAsync("40%");
        await Expect(page.Locator("#quarter-progress")).ToHaveTextAsync("0 of 9 objectives updated or carried forward");
        await lead.ScreenshotAsync("workspace-submitted.png");

        var submission = jigsawPlans.Locator("td[data-field=submission]");
        await Expect(submission).ToHaveTextAsync(new Regex(@"^\d{4}/\d{2} Q[1-4] \(rev\. 1\): 1 updated, 8 carried forward$"));
        await Expect(intelligence.Locator("strong[data-field=total]")).ToHaveTextAsync("2");
        await Expect(intelligence.Locator("li[data-status=OnTrack]")).ToHaveTextAsync("On track 1");
        await Expect(intelligence.Locator("li[data-status=NotStarted]")).ToHaveTextAsync("Not started 1");
        await board.ScreenshotAsync("board-plans.png");

        Assert.Empty(lead.Errors);
        Assert.Empty(board.Errors);
    }

    [Fact]
    public async Task A_second_save_of_the_same_objective_is_refused_with_what_changed()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await using var first = await Visitor.ArriveAsync(browser.Browser, host, output, "A");
        await using var second = await Visitor.ArriveAsync(browser.Browser, host, output, "B");
        var before = await ObjectiveAsync(host, "jigsaw", "jigsaw-002");

        foreach (var visitor in new[] { first, second })
        {
            await OpenWorkspaceAsync(visitor, "jigsaw");
            await Objective(visitor.Page, "jigsaw-002").GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }).ClickAsync();
            await Expect(Objective(visitor.Page, "jigsaw-002").Locator("form.objective-form")).ToBeVisibleAsync();
        }

        var a = Objective(first.Page, "jigsaw-002");
        await a.Locator("select[name=status]").SelectOptionAsync(new SelectOptionValue { Label = "At risk" });
        await a.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(a.Locator(".objective-meta .status")).ToHaveTextAsync("At risk");

        var b = Objective(second.Page, "jigsaw-002");
        await b.Locator("input[name=owner]").FillAsync("DS Second Editor");
        await b.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        var conflict = b.Locator("#conflict-message");
        await Expect(conflict).ToBeVisibleAsync();
        await Expect(conflict).ToContainTextAsync($"Not saved: {LocalOperator} changed this objective");
        await Expect(conflict).ToContainTextAsync("They changed: Status from \"Not started\" to \"At risk\".");
        // B's form is still open with what B typed, so nothing B did is lost from view.
        await Expect(b.Locator("input[name=owner]")).ToHaveValueAsync("DS Second Editor");
        await second.ScreenshotAsync("workspace-conflict.png");

        var after = await ObjectiveAsync(host, "jigsaw", "jigsaw-002");
        Assert.Equal("AtRisk", after.Status);
        Assert.Equal(before.Owner, after.Owner);
        Assert.Equal(before.Revision + 1, after.Revision);

        // B starts again from A's version, makes the change again, and this time it saves on top of A's.
        await b.Locator("#start-again").ClickAsync();
        await Expect(b.Locator("select[name=status]")).ToHaveValueAsync("AtRisk");
        await b.Locator("input[name=owner]").FillAsync("DS Second Editor");
        await b.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(b.Locator(".objective-meta")).ToContainTextAsync("Owner: DS Second Editor");
        var merged = await ObjectiveAsync(host, "jigsaw", "jigsaw-002");
        Assert.Equal(("AtRisk", "DS Second Editor", before.Revision + 2), (merged.Status, merged.Owner, merged.Revision));


        Assert.Empty(first.Errors);
        Assert.Empty(second.Errors);
    }

    [Fact]
    public async Task Invalid_input_shows_messages_beside_the_fields()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await using var visitor = await Visitor.ArriveAsync(browser.Browser, host, output);
        var before = await ObjectiveAsync(host, "jigsaw", "jigsaw-003");

        await OpenWorkspaceAsync(visitor, "jigsaw");
        var objective = Objective(visitor.Page, "jigsaw-003");
        await objective.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }).ClickAsync();
        var editor = objective.Locator("form.objective-form");
        await Expect(editor).ToBeVisibleAsync();
        await editor.Locator("textarea[name=text]").FillAsync("");
        foreach (var ripe in new[] { "reassurance", "intelligence", "prevention", "enforcement" })
        {
            await editor.Locator($"input[name={ripe}]").UncheckAsync();
        }

        await editor.Locator("input[name=percent]").FillAsync("150");
        await editor.Locator("input[name=due]").FillAsync("soon");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Expect(editor.Locator("#error-Text")).ToHaveTextAsync("Describe the objective.");
        await Expect(editor.Locator("#error-Ripe")).ToHaveTextAsync("Choose at least one RIPE category.");
        await Expect(editor.Locator("#error-PercentComplete")).ToHaveTextAsync("Percent complete is between 0 and 100.");
        await Expect(editor.Locator("#error-DueQuarter")).ToContainTextAsync("2008/09 Q2");
        await Expect(editor.Locator("span.field-error")).ToHaveCountAsync(4);
        await Expect(editor).ToContainTextAsync("Not saved: please correct the fields marked below.");
        await visitor.ScreenshotAsync("workspace-validation.png");

        var after = await ObjectiveAsync(host, "jigsaw", "jigsaw-003");
        Assert.Equal(before, after);

        // Screen readers learn that a field is wrong from aria-invalid="true"; an empty value counts as "false" (WAI-ARIA 1.2).
        foreach (var field in new[] { "textarea[name=text]", "input[name=percent]", "input[name=due]" })
        {
            await Expect(editor.Locator(field)).ToHaveAttributeAsync("aria-invalid", "true");
        }

        Assert.Empty(visitor.Errors);
    }

    [Fact]
    public async Task Filtering_by_year_shows_only_that_years_objectives()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await using var visitor = await Visitor.ArriveAsync(browser.Browser, host, output);
        var page = visitor.Page;

        await OpenWorkspaceAsync(visitor, "sapphire");
        await visitor.WaitUntilInteractiveAsync("#filter-year");
        var count = page.Locator("form.filters .count");
        await Expect(count).ToHaveTextAsync("25 shown");
        await Expect(page.Locator("li.objective")).ToHaveCountAsync(25);

        await page.Locator("#filter-year").SelectOptionAsync(new SelectOptionValue { Label = "Year 2" });

        await Expect(count).ToHaveTextAsync("3 shown");
        await Expect(page.Locator("li.objective")).ToHaveCountAsync(3);
        await Expect(page.Locator("h4.year-heading")).ToHaveTextAsync(Enumerable.Repeat("Year 2", await page.Locator("h4.year-heading").CountAsync()));
        await visitor.ScreenshotAsync("workspace-filter-year2.png");

        Assert.Empty(visitor.Errors);
    }

    [Fact]
    public async Task A_lead_adds_and_ticks_a_milestone_and_it_is_kept()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await using var visitor = await Visitor.ArriveAsync(browser.Browser, host, output);
        var page = visitor.Page;

        await OpenWorkspaceAsync(visitor, "homicide");
        var objective = Objective(page, "homicide-001");
        await objective.GetByRole(AriaRole.Button, new() { Name = "Add milestone", Exact = true }).ClickAsync();
        await objective.Locator("input[name=milestone-title]").FillAsync("Witness relocation protocol signed");
        await objective.Locator("input[name=milestone-due]").FillAsync("2008-03-31");
        await objective.Locator("form.milestone-form").GetByRole(AriaRole.Button, new() { Name = "Add milestone" }).ClickAsync();
        var milestone = objective.Locator("ul.milestones li");
        await Expect(milestone).ToContainTextAsync("Witness relocation protocol signed");
        await Expect(milestone).ToContainTextAsync("due 31 Mar 2008");
        await milestone.Locator("input[type=checkbox]").CheckAsync();
        await visitor.ScreenshotAsync("workspace-milestone.png");

        // A fresh page shows it ticked: it was saved, not only drawn.
        await visitor.OpenAsync("strands/homicide");
        await Expect(Objective(page, "homicide-001").Locator("ul.milestones li input[type=checkbox]")).ToBeCheckedAsync();
        Assert.Equal(3, (await ObjectiveAsync(host, "homicide", "homicide-001")).Revision);
        Assert.Empty(visitor.Errors);
    }

    private static ILocator Objective(IPage page, string seedKey) => page.Locator($"li.objective[data-key='{seedKey}']");

    /// <summary>Opens the strand page and waits until the workspace's buttons work (they are disabled until the circuit is live).</summary>
    private static async Task OpenWorkspaceAsync(Visitor visitor, string strandId)
    {
        await visitor.OpenAsync($"strands/{strandId}");
        await visitor.WaitUntilInteractiveAsync("#submit-quarter");
        await visitor.WaitUntilInteractiveAsync("li.objective .objective-actions button");
        await Expect(visitor.Page.Locator("#submit-quarter")).ToBeEnabledAsync();
    }

    private static async Task<ObjectiveRecord> ObjectiveAsync(TestHost host, string strandId, string seedKey)
    {
        var all = await host.Client.GetFromJsonAsync<ObjectiveRecord[]>($"api/strands/{strandId}/objectives", JsonSerializerOptions.Web);
        return Assert.Single(all!, o => o.SeedKey == seedKey);
    }

    private sealed record ObjectiveRecord(string SeedKey, string Text, string Status, string? Rag, int PercentComplete, string? Owner, string? DueQuarter, long Revision);
}
