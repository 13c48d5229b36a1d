using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins.Returns;
using SeriousViolence.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SeriousViolence.Tests.EndToEnd.MonthlyReturns;

/// <summary>
/// One host for the public-protection strands' journeys: each strand works on its own schema, return and measures,
/// so the four journeys share it without seeing each other.
/// </summary>
public sealed class StrandReturnsHost : IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;

    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync();
        Host = await TestHost.StartAsync(Db.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Db.DisposeAsync();
    }
}

/// <summary>
/// A monthly return from end to end in Chromium for each public-protection strand (Jigsaw's MAPPA return, Sapphire's,
/// the Community Safety Units', the Child Abuse Investigation Command's), driven by the strand's own definition: its
/// action owner fills the return (and is told, beside the field, which of the return's rules it breaks), its lead
/// approves it, and the strand's highlight on the Board and the measure's page show it. Borough returns are made for
/// Croydon (London's figure waits for all 32 boroughs); the command's return is made once, for London.
/// </summary>
[Collection(OneBrowser.Name)]
public sealed class StrandReturnJourneyTests(BrowserFixture browser, StrandReturnsHost shared, ITestOutputHelper output) : IClassFixture<StrandReturnsHost>
{
    private const string Croydon = "E09000008";

    public static TheoryData<string> Strands => ["jigsaw", "sapphire", "dv-hate-crime", "child-abuse"];

    private static ReturnDefinition DefinitionOf(string strandId) => strandId switch
    {
        "jigsaw" => SeriousViolence.Strands.Jigsaw.Returns.MappaReturn.Definition,
        "sapphire" => SeriousViolence.Strands.Sapphire.Returns.SapphireReturn.Definition,
        "dv-hate-crime" => SeriousViolence.Strands.DomesticViolenceHateCrime.Returns.CsuReturn.Definition,
        _ => SeriousViolence.Strands.ChildAbuse.Returns.CaseloadReturn.Definition,
    };

    /// <summary>Different figures for each field (2, 3, 4, ...), each whole raised until every rule of the return holds.</summary>
    private static Dictionary<string, int> ValidFigures(ReturnDefinition definition)
    {
        var figures = definition.Fields.Select((f, i) => (f.Code, Value: 2 + i)).ToDictionary(f => f.Code, f => f.Value, StringComparer.Ordinal);
        for (var pass = 0; pass <= definition.Rules.Count; pass++)
        {
            foreach (var rule in definition.Rules)
            {
                var deficit = rule.Part.Sum(p => figures[p]) - rule.Whole.Sum(w => figures[w]);
                if (deficit > 0)
                {
                    figures[rule.Whole[0]] += deficit;
                }
            }
        }

        Assert.All(definition.Rules, rule => Assert.True(rule.Part.Sum(p => figures[p]) <= rule.Whole.Sum(w => figures[w])));
        return figures;
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static async Task ScreenshotsAsync(Visitor visitor, string name)
    {
        await visitor.Page.SetViewportSizeAsync(1280, 900);
        await visitor.ScreenshotAsync($"{name}-1280.png");
        await visitor.Page.SetViewportSizeAsync(390, 844);
        await visitor.ScreenshotAsync($"{name}-390.png");
        await visitor.Page.SetViewportSizeAsync(1280, 900);
    }

    [Theory]
    [MemberData(nameof(Strands))]
    public async Task The_action_owner_fills_the_return_the_lead_approves_it_and_the_Board_and_the_measure_show_it(string strandId)
    {
        var definition = DefinitionOf(strandId);
        var host = shared.Host;
        var db = shared.Db;
        var ownerUser = await host.CreateUserAsync($"{strandId}.owner@test.invalid", $"{strandId} action owner", new RoleGrant(Role.ActionOwner, strandId));
        var leadUser = await host.CreateUserAsync($"{strandId}.lead@test.invalid", $"{strandId} lead", new RoleGrant(Role.StrandLead, strandId));
        var force = definition.Coverage == ReturnCoverage.Force;
        var geography = force ? Geographies.London : Croydon;
        var place = definition.Geographies[geography];
        var now = DateTime.UtcNow;
        var lastMonth = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-1);
        var figures = ValidFigures(definition);
        // The return's first rule broken by one: its message must appear beside the first field of the part.
        var rule = definition.Rules[0];
        var wrongField = rule.Part[0];
        var wrong = rule.Whole.Sum(w => figures[w]) - rule.Part.Skip(1).Sum(p => figures[p]) + 1;

        await using (var owner = await Visitor.ArriveAsync(browser.Browser, host, output, $"{strandId} owner", ownerUser))
        {
            var page = owner.Page;
            await owner.OpenAsync($"strands/{strandId}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Prepare, approve or correct a return" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(definition.PagePath) + "$"));
            await owner.WaitUntilInteractiveAsync("#returns-month");
            await Expect(page.Locator("#returns-month-heading")).ToHaveTextAsync(lastMonth.ToString("MMMM yyyy", CultureInfo.InvariantCulture));

            var row = page.Locator($"#returns-table tr[data-geography='{geography}']");
            await row.GetByRole(AriaRole.Button, new() { Name = $"Prepare the return for {place}" }).ClickAsync();
            // A borough return asks for the borough (already chosen by the row); the command's return covers London and asks none.
            await Expect(page.Locator("#return-geography")).ToHaveCountAsync(force ? 0 : 1);
            foreach (var field in definition.Fields)
            {
                var input = page.Locator($"#return-{field.Code}");
                // Each box is named by its label, for a screen reader as for the eye.
                await Expect(input).ToHaveAccessibleNameAsync(new Regex("^" + Regex.Escape(field.Label)));
                await input.FillAsync((field.Code == wrongField ? wrong : figures[field.Code]).ToString(CultureInfo.InvariantCulture));
            }

            await page.Locator("#return-save").ClickAsync();
            await Expect(page.Locator("#return-invalid")).ToBeVisibleAsync();
            await Expect(page.Locator(".field-error")).ToHaveCountAsync(1);
            await Expect(page.Locator($"#return-error-{wrongField.ToLowerInvariant()}")).ToHaveTextAsync(rule.Message);
            await Expect(page.Locator($"#return-{wrongField}")).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page.Locator($"#return-{wrongField}")).ToHaveAttributeAsync("aria-describedby", $"return-error-{wrongField.ToLowerInvariant()}");
            await ScreenshotsAsync(owner, $"{strandId}-return-invalid");

            await page.Locator($"#return-{wrongField}").FillAsync(figures[wrongField].ToString(CultureInfo.InvariantCulture));
            await page.Locator("#return-save").ClickAsync();
            await Expect(page.Locator("#returns-notice")).ToContainTextAsync("awaits a lead's approval");
            await Expect(row).ToHaveAttributeAsync("data-status", "Draft");
            await Expect(row).ToContainTextAsync($"{strandId} action owner");
            // The action owner is offered no approval.
            await Expect(row.GetByRole(AriaRole.Button, new() { Name = $"Approve the return for {place}" })).ToHaveCountAsync(0);
            Assert.Empty(owner.Errors);
        }

        await using var lead = await Visitor.ArriveAsync(browser.Browser, host, output, $"{strandId} lead", leadUser);
        var leadPage = lead.Page;
        await lead.OpenAsync(definition.PagePath.TrimStart('/'));
        await lead.WaitUntilInteractiveAsync("#returns-month");
        var leadRow = leadPage.Locator($"#returns-table tr[data-geography='{geography}']");
        await leadRow.GetByRole(AriaRole.Button, new() { Name = $"Approve the return for {place}" }).ClickAsync();
        await Expect(leadPage.Locator("#returns-notice")).ToContainTextAsync("now counts in the strand's measures");
        await Expect(leadRow).ToHaveAttributeAsync("data-status", "Approved");
        await Expect(leadRow).ToContainTextAsync($"{strandId} lead");
        var approved = $"1 of {definition.Geographies.Count}";
        await Expect(leadPage.Locator("#returns-month-summary")).ToContainTextAsync(approved + " approved");
        await ScreenshotsAsync(lead, $"{strandId}-return-approved");

        // The strand's page: the return's summary, and for Jigsaw the caseload by level and borough from the approved figures.
        await lead.OpenAsync($"strands/{strandId}");
        await Expect(leadPage.Locator($"#returns-{definition.Key}-section")).ToContainTextAsync(approved);
        if (strandId == "jigsaw")
        {
            var levels = Enumerable.Range(1, 3).Select(l => figures[$"rsoLevel{l}"] + figures[$"vsoLevel{l}"] + figures[$"odoLevel{l}"]).ToList();
            var croydon = leadPage.Locator($"#mappa-caseload-table tbody tr[data-geography='{Croydon}'] td");
            await Expect(croydon).ToHaveTextAsync([N(levels[0]), N(levels[1]), N(levels[2]), N(levels.Sum())]);
            await Expect(leadPage.Locator("#mappa-caseload-london")).ToContainTextAsync("1 of 32 boroughs in, not yet London's total");
            await Expect(leadPage.Locator($"#mappa-caseload-chart g[data-geography='{Croydon}']")).ToHaveCountAsync(1);
        }

        await ScreenshotsAsync(lead, $"{strandId}-strand-page");

        // The Board: the strand's highlight for the return. A borough's return is not London's figure, so only the
        // command's return (complete with one) shows its headline totals.
        var measure = definition.Measures.First(m => !m.IsRate);
        var value = measure.Numerator.Sum(f => figures[f]);
        await Eventually.WaitForAsync(
            () => db.ScalarAsync<long>($"SELECT count(*) FROM board.measure_observations WHERE measure_code = '{measure.MeasureCode}' AND geography = '{geography}'"),
            n => n == 1,
            $"the {measure.MeasureCode} observation on the Board");
        await lead.OpenAsync("board");
        var highlight = leadPage.Locator($"article.card[data-strand='{strandId}'] li[data-highlight='returns-{definition.Key}']");
        await Expect(highlight).ToContainTextAsync(definition.Title);
        await Expect(highlight).ToContainTextAsync(approved);
        if (force)
        {
            var headline = definition.Headline[0];
            await Expect(highlight).ToContainTextAsync($"{definition.Field(headline)!.Label}{N(figures[headline])}");
        }

        // The measure's page: the borough's (or London's) value for the month.
        await lead.OpenAsync($"measures/{measure.MeasureCode}");
        await Expect(leadPage.Locator(force ? "#chart-table tbody tr" : $"#borough-table tr[data-geography='{geography}'] td.num").First).ToContainTextAsync(N(value));
        await ScreenshotsAsync(lead, $"{strandId}-measure");
        Assert.Empty(lead.Errors);
    }
}
