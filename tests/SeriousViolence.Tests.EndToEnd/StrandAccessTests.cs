using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SeriousViolence.Abstractions;
using SeriousViolence.Plans;
using SeriousViolence.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SeriousViolence.Tests.EndToEnd;

/// <summary>
/// Who may see and change what, in the browser: the Sapphire lead signs in, edits a Sapphire objective, sees no edit
/// controls on Gangs, has a crafted request for a Gangs change refused, and an auditor finds that attempt.
/// </summary>
[Collection(OneBrowser.Name)]
public sealed class StrandAccessTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task The_sapphire_lead_changes_sapphire_only_and_the_auditor_sees_the_refused_attempt_on_gangs()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        var leadUser = await host.CreateUserAsync("sapphire.lead@test.invalid", "DCS Sapphire", new RoleGrant(Role.StrandLead, "sapphire"));
        var auditorUser = await host.CreateUserAsync("auditor@test.invalid", "Internal auditor", new RoleGrant(Role.Auditor));

        await using var lead = await Visitor.ArriveSignedOutAsync(browser.Browser, host, output, "lead");
        await lead.OpenAsync("board");
        await Expect(lead.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login\\?"));
        await lead.ScreenshotAsync("sign-in.png");
        await lead.SignInAsync(leadUser);
        var page = lead.Page;

        // Own strand: edit controls, and an edit that saves.
        await lead.OpenAsync("strands/sapphire");
        await lead.WaitUntilInteractiveAsync("li.objective .objective-actions button");
        var objective = page.Locator("li.objective[data-key='sapphire-001']");
        await objective.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }).ClickAsync();
        var editor = objective.Locator("form.objective-form");
        await editor.Locator("input[name=percent]").FillAsync("25");
        await editor.Locator("select[name=marking]").SelectOptionAsync(new SelectOptionValue { Label = "OFFICIAL-SENSITIVE" });
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(editor).ToHaveCountAsync(0);
        await Expect(objective.Locator(".objective-meta")).ToContainTextAsync("25%");
        await Expect(page.Locator(".marking-banner").First).ToHaveTextAsync("OFFICIAL-SENSITIVE");
        await lead.ScreenshotAsync("access-sapphire-lead-own-strand.png");

        // Another strand: readable, but nothing to change it with.
        await lead.OpenAsync("strands/gangs-criminal-networks");
        await Expect(page.Locator("li.objective").First).ToBeVisibleAsync();
        await Expect(page.Locator("#read-only-note")).ToBeVisibleAsync();
        await Expect(page.Locator("#add-objective")).ToHaveCountAsync(0);
        await Expect(page.Locator("#submit-quarter")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Quarterly update", Exact = true })).ToHaveCountAsync(0);
        await lead.ScreenshotAsync("access-sapphire-lead-on-gangs.png");

        // A crafted request with the lead's own session: refused, and nothing changes.
        var (gangsId, revision) = await GangsObjectiveAsync(host);
        var crafted = await page.APIRequest.PatchAsync($"api/objectives/{gangsId}/progress", new APIRequestContextOptions
        {
            DataObject = new { revision, status = "Complete", rag = "Green", percentComplete = 100 },
        });
        Assert.Equal(403, crafted.Status);
        Assert.Equal(revision, (await GangsObjectiveAsync(host)).Revision);

        // The audit page is not the lead's.
        await lead.OpenAsync("audit");
        await Expect(page.Locator("#not-permitted")).ToBeVisibleAsync();

        // The auditor finds the attempt.
        await using var auditor = await Visitor.ArriveAsync(browser.Browser, host, output, "auditor", auditorUser);
        await auditor.OpenAsync("audit");
        await auditor.WaitUntilInteractiveAsync("#f-kind");
        await auditor.Page.Locator("#f-kind").SelectOptionAsync("access-denied");
        await auditor.Page.Locator("#audit-search").ClickAsync();
        var refused = auditor.Page.Locator("#audit-records tbody tr");
        await Expect(refused).ToHaveCountAsync(2);
        await Expect(refused.Filter(new() { HasText = $"PATCH /api/objectives/{gangsId}/progress" })).ToContainTextAsync("DCS Sapphire");
        await Expect(refused.Filter(new() { HasText = "view the audit trail" })).ToContainTextAsync("DCS Sapphire");
        await auditor.ScreenshotAsync("audit-trail-refusals.png");

        Assert.Empty(lead.Errors);
        Assert.Empty(auditor.Errors);
    }

    [Fact]
    public async Task An_administrator_invites_a_lead_who_sets_a_password_and_signs_in_to_their_strand()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await using var admin = await Visitor.ArriveAsync(browser.Browser, host, output, "admin");
        var page = admin.Page;
        await admin.OpenAsync("admin/users");
        await admin.WaitUntilInteractiveAsync("#save-user");
        await page.Locator("#invite-email").FillAsync("new.lead@test.invalid");
        await page.Locator("#invite-name").FillAsync("DCS Homicide");
        await page.Locator("#lead-homicide").CheckAsync();
        await page.Locator("#save-user").ClickAsync();
        var link = await page.Locator("#invitation-link code").TextContentAsync();
        await Expect(page.Locator("#users tr[data-user='new.lead@test.invalid']")).ToContainTextAsync("Strand lead (homicide)");
        await admin.ScreenshotAsync("admin-users.png");

        await using var invited = await Visitor.ArriveSignedOutAsync(browser.Browser, host, output, "invited");
        await invited.Page.GotoAsync(link!);
        await invited.Page.Locator("#password").FillAsync("short");
        await invited.Page.Locator("#confirm").FillAsync("short");
        await invited.Page.Locator("#set-password").ClickAsync();
        await Expect(invited.Page.Locator("#invitation-errors")).ToContainTextAsync("at least 12 characters");
        await invited.Page.Locator("#password").FillAsync("correct horse battery staple");
        await invited.Page.Locator("#confirm").FillAsync("correct horse battery staple");
        await invited.Page.Locator("#set-password").ClickAsync();
        await Expect(invited.Page.Locator("#password-set")).ToBeVisibleAsync();
        await invited.SignInAsync(new TestUser("", "new.lead@test.invalid", "DCS Homicide", "correct horse battery staple", Actor.Anonymous));
        await invited.OpenAsync("strands/homicide");
        await invited.WaitUntilInteractiveAsync("#submit-quarter");
        await Expect(invited.Page.Locator("#current-user")).ToHaveTextAsync("DCS Homicide");
        await Expect(invited.Page.Locator("a[href='admin/users']")).ToHaveCountAsync(0);
        Assert.Empty(admin.Errors);
        Assert.Empty(invited.Errors);
    }

    [Fact]
    public async Task The_printable_plan_is_marked_top_and_bottom_and_its_print_button_works_under_the_content_security_policy()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await using var visitor = await Visitor.ArriveAsync(browser.Browser, host, output, "printer");
        await visitor.OpenAsync("strands/homicide/action-plan/print");
        await Expect(visitor.Page.Locator("thead .print-marking")).ToHaveTextAsync("OFFICIAL");
        await Expect(visitor.Page.Locator("tfoot .print-marking")).ToHaveTextAsync("OFFICIAL");
        await visitor.Page.EvaluateAsync("() => { window.print = () => { window.printed = true; }; }");
        await visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Print" }).ClickAsync();
        Assert.True(await visitor.Page.EvaluateAsync<bool>("() => window.printed === true"));
        await visitor.Page.PdfAsync(new PagePdfOptions { Path = Path.Combine(RepositoryPaths.Artifacts("screenshots"), "action-plan-print.pdf"), Format = "A4" });
        Assert.Empty(visitor.Errors);
    }

    private static async Task<(Guid Id, long Revision)> GangsObjectiveAsync(TestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var o = await scope.ServiceProvider.GetRequiredService<PlansDbContext>().Objectives.AsNoTracking()
            .Where(x => x.StrandId == "gangs-criminal-networks").OrderBy(x => x.SeedKey).FirstAsync();
        return (o.Id, o.Revision);
    }
}
