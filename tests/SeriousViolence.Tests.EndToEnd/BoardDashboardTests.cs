using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SeriousViolence.Abstractions;
using SeriousViolence.Plans.Features;
using SeriousViolence.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SeriousViolence.Tests.EndToEnd;

/// <summary>
/// The Board dashboard in Chromium: the overview and its filters, the drill-down from strand to objective to measure,
/// the map of places with the priority borough sets, the agenda and the print view, and every open Board page
/// updating by itself when a strand changes something.
/// </summary>
[Collection(OneBrowser.Name)]
public sealed class BoardDashboardTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string KnifeCrime = "knife-crime-offences";

    /// <summary>
    /// Two years of monthly knife crime for London and every borough, the last London month far above the rest: a
    /// special cause of concern (knife crime is lower-is-better).
    /// </summary>
    private static async Task RecordKnifeCrimeAsync(TestHost host, TestDatabase db)
    {
        var rows = new List<string>();
        var places = new[] { "london" }.Concat(Enumerable.Range(2, 32).Select(i => $"E090000{i:00}")).ToList();
        foreach (var (place, p) in places.Select((x, i) => (x, i)))
        {
            for (var m = 0; m < 24; m++)
            {
                var month = new DateOnly(2024, 1, 1).AddMonths(m);
                var value = place == "london" ? (m == 23 ? 1400 : 1000 + ((m * 37) % 60)) : 10 + p * 2 + ((m * 7 + p) % 5);
                rows.Add($$"""{"period":"{{month:yyyy-MM}}","geography":"{{place}}","value":{{value.ToString(CultureInfo.InvariantCulture)}}}""");
            }
        }

        using var body = new StringContent("[" + string.Join(',', rows) + "]", Encoding.UTF8, "application/json");
        (await host.Client.PostAsync($"api/measures/{KnifeCrime}/observations", body)).EnsureSuccessStatusCode();
        await Eventually.WaitForAsync(() => db.ScalarAsync<long>($"SELECT count(*) FROM board.measure_observations WHERE measure_code = '{KnifeCrime}'"), c => c == 33 * 24, "knife crime on the Board");
    }

    /// <summary>Opens a Board page and waits until its circuit is live (the page says so in its navigation).</summary>
    private static async Task OpenBoardAsync(Visitor visitor, string path)
    {
        await visitor.OpenAsync(path);
        await Expect(visitor.Page.Locator("#live-state")).ToHaveAttributeAsync("data-interactive", "true");
    }

    [Fact]
    public async Task The_overview_filters_and_drills_down_from_strand_to_objective_to_measure()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await Eventually.WaitForAsync(() => db.ScalarAsync<long>("SELECT count(*) FROM board.objectives"), c => c == 163, "the seeded objectives on the Board");
        await Eventually.WaitForAsync(() => db.ScalarAsync<long>("SELECT count(*) FROM board.strategy"), c => c == 1, "the strategy on the Board");
        await RecordKnifeCrimeAsync(host, db);
        await using var member = await Visitor.ArriveAsync(browser.Browser, host, output, "member");
        var page = member.Page;

        await OpenBoardAsync(member, "board");
        await Expect(page.Locator("#key-outcomes > li")).ToHaveCountAsync(7);
        await Expect(page.Locator("#key-outcomes > li[data-outcome='3']")).ToContainTextAsync("Reduce weapon-enabled serious violence");
        await Expect(page.Locator("#strand-cards article.card")).ToHaveCountAsync(8);
        await Expect(page.Locator("#rollup-rule")).ToContainTextAsync("A strand is Red when a quarter or more of its open objectives are of concern");
        var jigsaw = page.Locator("#strand-cards article[data-strand=jigsaw]");
        await Expect(jigsaw.Locator("[data-field=total]")).ToHaveTextAsync("9");
        await Expect(jigsaw.Locator("[data-rag]")).ToHaveTextAsync("Amber");
        await Expect(jigsaw.Locator("[data-field=last-quarter]")).ToContainTextAsync("not submitted");
        var knife = page.Locator($"#measure-summary tr[data-measure={KnifeCrime}]");
        await Expect(knife.Locator("[data-field=latest]")).ToHaveTextAsync("1,400");
        await Expect(knife).ToContainTextAsync("Concern (high)");
        await member.ScreenshotAsync("board-overview.png");

        // The heatmap's filters: Year 1, then Year 1 and knives.
        await Expect(page.Locator("#heatmap-count")).ToHaveTextAsync("163 objectives shown");
        var year1 = await db.ScalarAsync<long>("SELECT count(*) FROM board.objectives WHERE 1 = ANY(years)");
        var year1Knives = await db.ScalarAsync<long>("SELECT count(*) FROM board.objectives WHERE 1 = ANY(years) AND 'knives' = ANY(themes)");
        Assert.InRange(year1, 1, 162);
        await page.Locator("#heatmap-year").SelectOptionAsync("1");
        await Expect(page.Locator("#heatmap-count")).ToHaveTextAsync($"{year1} objectives shown");
        await page.Locator("#heatmap-theme").SelectOptionAsync("knives");
        await Expect(page.Locator("#heatmap-count")).ToHaveTextAsync($"{year1Knives} objectives shown");
        var cells = await page.Locator("#heatmap td[data-strand] strong[data-field=count]").AllTextContentsAsync();
        Assert.True(cells.Sum(int.Parse) >= year1Knives, "every filtered objective counts in at least one RIPE row");
        await member.ScreenshotAsync("board-heatmap-filtered.png");

        // Drill down: strand, objective, and back up to a measure's chart.
        await jigsaw.GetByRole(AriaRole.Link, new() { Name = "1. Sex Offender Management (Jigsaw)" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/board/strands/jigsaw$"));
        await Expect(page.Locator("#strand-objectives tbody tr")).ToHaveCountAsync(9);
        await member.WaitUntilInteractiveAsync("#strand-status");
        await member.ScreenshotAsync("board-strand.png");
        await page.Locator("#strand-objectives tbody tr a").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/board/objectives/[0-9a-f-]{36}$"));
        await Expect(page.Locator("#objective-facts [data-field=status]")).ToHaveTextAsync("Not started");
        await Expect(page.Locator("#no-updates")).ToBeVisibleAsync();
        await member.ScreenshotAsync("board-objective.png");
        await page.Locator("nav.crumbs a", new() { HasText = "Board" }).First.ClickAsync();
        await page.Locator($"#measure-summary tr[data-measure={KnifeCrime}] a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/measures/{KnifeCrime}$"));
        await Expect(page.Locator("svg.spc-chart")).ToBeVisibleAsync();
        Assert.Empty(member.Errors);
    }

    [Fact]
    public async Task The_map_colours_the_boroughs_by_the_chosen_measure_and_outlines_a_priority_set()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await Eventually.WaitForAsync(() => db.ScalarAsync<long>("SELECT count(*) FROM board.strategy"), c => c == 1, "the strategy on the Board");
        await RecordKnifeCrimeAsync(host, db);
        await using var member = await Visitor.ArriveAsync(browser.Browser, host, output, "member");
        var page = member.Page;

        await OpenBoardAsync(member, "board/places");
        await page.Locator("#places-measure").SelectOptionAsync(KnifeCrime);
        await Expect(page.Locator("#places-table caption")).ToHaveTextAsync("Knife crime offences by borough");
        await Expect(page.Locator("#tilemap g.tile")).ToHaveCountAsync(33);
        await Expect(page.Locator("#places-table tbody tr")).ToHaveCountAsync(32);
        // Westminster (E09000033) has the highest value of the fixture, so it is in the top group.
        await Expect(page.Locator("#tilemap g[data-code=E09000033]")).ToHaveAttributeAsync("data-fill", "q5");
        await Expect(page.Locator("#tilemap g[data-code=E09000001]")).ToHaveAttributeAsync("data-fill", "nodata");

        await page.Locator("#places-overlay").SelectOptionAsync("trident-boroughs");
        await Expect(page.Locator("#tilemap g.tile.in-set")).ToHaveCountAsync(5);
        await Expect(page.Locator("#places-table tbody tr.in-set")).ToHaveCountAsync(5);
        await Expect(page.Locator("#overlay-note")).ToContainTextAsync("5 boroughs outlined");
        await member.ScreenshotAsync("board-places-trident.png");

        await page.Locator("#places-overlay").SelectOptionAsync("operation-blunt-boroughs");
        await Expect(page.Locator("#tilemap g.tile.in-set")).ToHaveCountAsync(12);
        await page.Locator("#places-overlay").SelectOptionAsync("gang-priority-boroughs");
        await Expect(page.Locator("#overlay-note")).ToContainTextAsync("do not list the 19 boroughs");
        await page.Locator("#places-colour").SelectOptionAsync("spc");
        await Expect(page.Locator("#map-legend")).ToContainTextAsync("Special cause: concern");
        await Expect(page.Locator("#tilemap g[data-fill^=var-]")).ToHaveCountAsync(32);
        await page.Locator("#places-overlay").SelectOptionAsync("five-boroughs-south-east-london");
        await Expect(page.Locator("#tilemap g.tile.in-set")).ToHaveCountAsync(5);
        await member.ScreenshotAsync("board-places-spc.png");
        Assert.Empty(member.Errors);
    }

    [Fact]
    public async Task The_agenda_lists_the_exceptions_by_severity_and_prints_with_date_quarter_and_marking()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await Eventually.WaitForAsync(() => db.ScalarAsync<long>("SELECT count(*) FROM board.objectives"), c => c == 163, "the seeded objectives on the Board");
        await RecordKnifeCrimeAsync(host, db);
        await using var member = await Visitor.ArriveAsync(browser.Browser, host, output, "member");
        var page = member.Page;

        await OpenBoardAsync(member, "board/agenda");
        var rows = page.Locator("#agenda tbody tr");
        await Expect(rows).ToHaveCountAsync(9);
        await Expect(rows.First).ToContainTextAsync("Quarterly submission missed");
        await Expect(rows.Nth(8)).ToContainTextAsync("Knife crime offences: special-cause concern");
        await Expect(page.Locator("#agenda-csv")).ToHaveAttributeAsync("href", "board/agenda.csv");
        await member.ScreenshotAsync("board-agenda.png");

        await member.OpenAsync("board/print");
        var quarter = FinancialQuarter.Containing(DateTimeOffset.UtcNow).ToString();
        await Expect(page.Locator("#print-header")).ToContainTextAsync("OFFICIAL");
        await Expect(page.Locator("#print-header")).ToContainTextAsync(quarter);
        await Expect(page.Locator("#print-footer")).ToContainTextAsync("OFFICIAL");
        await Expect(page.Locator("#print-strands tbody tr")).ToHaveCountAsync(8);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator(".sidenav")).ToBeHiddenAsync();
        await Expect(page.Locator("table.print-frame > thead")).ToHaveCSSAsync("display", "table-header-group");
        await Expect(page.Locator("table.print-frame > tfoot")).ToHaveCSSAsync("display", "table-footer-group");
        await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(RepositoryPaths.Artifacts("screenshots"), "board-pack.pdf"), PreferCSSPageSize = true, PrintBackground = true });
        await page.SetViewportSizeAsync(1123, 794); // A4 landscape at 96 dpi
        await member.ScreenshotAsync("board-print.png");
        Assert.Empty(member.Errors);
    }

    [Fact]
    public async Task The_cross_cutting_views_show_themes_partners_and_operations_across_the_strands()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await Eventually.WaitForAsync(() => db.ScalarAsync<long>("SELECT count(*) FROM board.objectives"), c => c == 163, "the seeded objectives on the Board");
        await Eventually.WaitForAsync(() => db.ScalarAsync<long>("SELECT count(*) FROM board.strategy"), c => c == 1, "the strategy on the Board");
        var knives = await db.ScalarAsync<long>("SELECT count(*) FROM board.objectives WHERE 'knives' = ANY(themes)");
        var syvKnives = await db.ScalarAsync<long>("SELECT count(*) FROM board.objectives WHERE 'knives' = ANY(themes) AND strand_id = 'serious-youth-violence'");
        var operations = await db.ScalarAsync<long>("SELECT count(*) FROM plans.operations");
        Assert.InRange(knives, 1, 163);
        await using var member = await Visitor.ArriveAsync(browser.Browser, host, output, "member");
        var page = member.Page;

        await OpenBoardAsync(member, "board/cross-cutting");
        var knivesRow = page.Locator("#theme-table tr[data-theme=knives]");
        await Expect(knivesRow.Locator("td[data-field=total]")).ToHaveTextAsync(knives.ToString(CultureInfo.InvariantCulture));
        await Expect(knivesRow.Locator("td[data-strand=serious-youth-violence]")).ToHaveTextAsync(syvKnives.ToString(CultureInfo.InvariantCulture));
        await knivesRow.GetByRole(AriaRole.Button, new() { Name = "Knives" }).ClickAsync();
        await Expect(page.Locator("#theme-objectives")).ToHaveTextAsync("Objectives tagged Knives");
        await Expect(page.Locator("#themes ul.objective-list li")).ToHaveCountAsync((int)knives);

        var homeOffice = page.Locator("#partner-table tr[data-partner='Home Office']");
        await Expect(homeOffice).ToContainTextAsync("Operation Blunt");
        await Expect(page.Locator("#operation-table tbody tr")).ToHaveCountAsync((int)operations);
        await Expect(page.Locator("#operation-table tr[data-operation=blunt]")).ToContainTextAsync("Serious Youth Violence");
        await member.ScreenshotAsync("board-cross-cutting.png");
        Assert.Empty(member.Errors);
    }

    /// <summary>
    /// The real boundaries from ../shared/data/geo when present; without them the page must say so and keep the tiles.
    /// </summary>
    [Fact]
    public async Task The_map_draws_real_borough_boundaries_where_a_boundary_file_is_loaded_and_says_so_where_not()
    {
        var geo = RepositoryPaths.Shared is { } shared && File.Exists(Path.Combine(shared, "data", "geo", "london_boroughs.geojson"))
            ? Path.Combine(shared, "data", "geo", "london_boroughs.geojson") : null;
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString, settings: new Dictionary<string, string?> { ["Board:BoundaryFile"] = geo });
        await Eventually.WaitForAsync(() => db.ScalarAsync<long>("SELECT count(*) FROM board.strategy"), c => c == 1, "the strategy on the Board");
        await RecordKnifeCrimeAsync(host, db);
        await using var member = await Visitor.ArriveAsync(browser.Browser, host, output, "member");
        var page = member.Page;

        await OpenBoardAsync(member, "board/places");
        if (geo is null)
        {
            output.WriteLine("../shared/data/geo is absent: checking the tile map stands alone.");
            await Expect(page.Locator("#places-map option")).ToHaveCountAsync(1);
            await Expect(page.Locator("p.lede")).ToContainTextAsync("boundaries are not shown");
            await Expect(page.Locator("#tilemap g.tile")).ToHaveCountAsync(33);
            return;
        }

        await page.Locator("#places-measure").SelectOptionAsync(KnifeCrime);
        await page.Locator("#places-map").SelectOptionAsync("boundaries");
        await Expect(page.Locator("#boundarymap path.area")).ToHaveCountAsync(33);
        await page.Locator("#places-overlay").SelectOptionAsync("five-boroughs-south-east-london");
        await Expect(page.Locator("#boundarymap path.area.in-set")).ToHaveCountAsync(5);
        await Expect(page.Locator("#boundarymap path[data-code=E09000033]")).ToHaveAttributeAsync("data-fill", "q5");
        await member.ScreenshotAsync("board-places-boundaries.png");
        Assert.Empty(member.Errors);
    }

    [Fact]
    public async Task Every_open_board_page_updates_by_itself_when_a_strand_changes_an_objective_submits_a_quarter_or_records_a_measure()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await Eventually.WaitForAsync(() => db.ScalarAsync<long>("SELECT count(*) FROM board.objectives"), c => c == 163, "the seeded objectives on the Board");
        await using var lead = await Visitor.ArriveAsync(browser.Browser, host, output, "lead");
        await using var board = await Visitor.ArriveAsync(browser.Browser, host, output, "board");
        await using var agenda = await Visitor.ArriveAsync(browser.Browser, host, output, "agenda");

        // The Board pages are open before anything changes and are never reloaded.
        await OpenBoardAsync(board, "board");
        await OpenBoardAsync(agenda, "board/agenda");
        var jigsaw = board.Page.Locator("#strand-cards article[data-strand=jigsaw]");
        await Expect(jigsaw.Locator("li[data-status=NotStarted]")).ToContainTextAsync("9");
        await Expect(agenda.Page.Locator("#agenda tbody tr")).ToHaveCountAsync(8);

        // 1. The Jigsaw lead marks an objective off track in the strand's workspace.
        await lead.OpenAsync("strands/jigsaw");
        await lead.WaitUntilInteractiveAsync("li.objective .objective-actions button");
        var objective = lead.Page.Locator("li.objective[data-key='jigsaw-001']");
        await objective.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }).ClickAsync();
        var editor = objective.Locator("form.objective-form");
        await editor.Locator("select[name=status]").SelectOptionAsync(new SelectOptionValue { Label = "Off track" });
        await editor.Locator("select[name=rag]").SelectOptionAsync(new SelectOptionValue { Label = "Red" });
        var clock = Stopwatch.StartNew();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(jigsaw.Locator("li[data-status=OffTrack]")).ToContainTextAsync("1");
        output.WriteLine($"Objective change seen on the open overview after {clock.ElapsedMilliseconds} ms");
        await Expect(jigsaw.Locator("[data-field=concern]")).ToHaveTextAsync("1");
        await Expect(agenda.Page.Locator("#agenda tbody tr")).ToHaveCountAsync(9);
        await Expect(agenda.Page.Locator("#agenda")).ToContainTextAsync("Objective off track");
        output.WriteLine($"... and on the open agenda after {clock.ElapsedMilliseconds} ms");

        // 2. Performance records a measure.
        clock.Restart();
        using (var body = new StringContent(
            """[{"period":"2025-01","geography":"london","value":321},{"period":"2025-02","geography":"london","value":345}]""", Encoding.UTF8, "application/json"))
        {
            (await host.Client.PostAsync($"api/measures/{KnifeCrime}/observations", body)).EnsureSuccessStatusCode();
        }

        await Expect(board.Page.Locator($"#measure-summary tr[data-measure={KnifeCrime}] [data-field=latest]")).ToHaveTextAsync("345");
        output.WriteLine($"Measure seen on the open overview after {clock.ElapsedMilliseconds} ms");

        // 3. Jigsaw submits its quarter (through the same service its page uses).
        var leadActor = Actor.ForStrands("jigsaw-lead", "DCS Jigsaw", "jigsaw");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var quarterly = scope.ServiceProvider.GetRequiredService<QuarterlyCommands>();
            var ids = await db.ColumnAsync("SELECT objective_id::text FROM board.objectives WHERE strand_id = 'jigsaw'");
            foreach (var id in ids)
            {
                Assert.True((await quarterly.SaveDraftAsync(leadActor, Guid.Parse(id), new QuarterlyDraftForm { CarriedForward = true }, CancellationToken.None)).Succeeded);
            }

            clock.Restart();
            Assert.True((await quarterly.SubmitQuarterAsync(leadActor, "jigsaw", CancellationToken.None)).Succeeded);
        }

        // A strand reports on the quarter that has ended: the card's "last quarter" is the one now submitted.
        await Expect(jigsaw.Locator("[data-field=last-quarter]")).ToContainTextAsync("submitted");
        await Expect(jigsaw.Locator("[data-field=last-quarter]")).Not.ToContainTextAsync("not submitted");
        output.WriteLine($"Quarterly submission seen on the open overview after {clock.ElapsedMilliseconds} ms");

        await board.ScreenshotAsync("board-live.png");
        await agenda.ScreenshotAsync("board-agenda-live.png");
        Assert.Empty(lead.Errors);
        Assert.Empty(board.Errors);
        Assert.Empty(agenda.Errors);
    }
}
