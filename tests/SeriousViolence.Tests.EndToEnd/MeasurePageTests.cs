using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SeriousViolence.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SeriousViolence.Tests.EndToEnd;

/// <summary>
/// The measures (src/SeriousViolence.Performance/Pages/MeasuresPage.razor and MeasurePage.razor): the list with London's
/// latest value and icons, and a measure's control chart, its icons in words, its data as a table and as CSV, by borough.
/// </summary>
[Collection(OneBrowser.Name)]
public sealed class MeasurePageTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Historical = "MPS Borough Level Crime (Historical) 2010-04 to 2023-11.csv";

    [Fact]
    public async Task A_measure_with_no_observations_says_where_its_values_come_from()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await using var visitor = await Visitor.ArriveAsync(browser.Browser, host, output);

        await visitor.OpenAsync("measures/homicide-offences");

        await Expect(visitor.Page.Locator("h1")).ToHaveTextAsync("Homicide offences");
        var empty = visitor.Page.Locator("#no-observations");
        await Expect(empty).ToContainTextAsync("No observations yet. Its values come from MPS recorded crime (borough and ward files)");
        await Expect(empty.GetByRole(AriaRole.Link, new() { Name = "Homicide strand's page" })).ToHaveAttributeAsync("href", "strands/homicide");
        await Expect(empty.GetByRole(AriaRole.Link, new() { Name = "Imports page" })).ToHaveAttributeAsync("href", "imports");
        await Expect(visitor.Page.Locator("#control-chart")).ToHaveCountAsync(0);
        await Expect(visitor.Page.Locator("#measure-definition")).ToContainTextAsync("MPS recorded crime (borough and ward files)");
        Assert.Empty(visitor.Errors);
    }

    [Fact]
    public async Task A_short_series_is_charted_with_a_trial_limits_warning()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await using var visitor = await Visitor.ArriveAsync(browser.Browser, host, output);
        await ImportPages.OpenAsync(visitor);
        await ImportPages.ImportAsync(visitor, ImportPages.Fixture("borough-majortext-boroughname.csv"));

        await visitor.OpenAsync("measures/homicide-offences");

        await Expect(visitor.Page.Locator("#control-chart circle.point")).ToHaveCountAsync(2);
        await Expect(visitor.Page.Locator(".trial-warning")).ToContainTextAsync("fewer than 12");
        Assert.Empty(visitor.Errors);
    }

    [RealDataFact]
    public async Task The_historical_file_imported_on_the_page_gives_homicides_a_164_month_chart_with_icons_table_and_csv()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await using var visitor = await Visitor.ArriveAsync(browser.Browser, host, output);
        var page = visitor.Page;
        await ImportPages.OpenAsync(visitor);

        // A generous bound for a 2-core machine: it limits a hung import, it does not measure speed.
        var report = await ImportPages.ImportAsync(visitor, RealData.File(Historical), timeoutMs: 300_000);
        await Expect(report.Locator(".import-outcome")).ToHaveTextAsync("accepted");

        await visitor.OpenAsync("measures");
        var homicides = page.Locator("#measures tr[data-measure=homicide-offences]");
        await Expect(homicides.Locator("[data-field=latest]")).ToContainTextAsync("2023-11");
        await Expect(homicides.Locator("[data-field=variation]")).ToContainTextAsync(new Regex("cause"));
        await visitor.ScreenshotAsync("measures.png");

        await homicides.GetByRole(AriaRole.Link, new() { Name = "Homicide offences" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/measures/homicide-offences$"));
        await Expect(page.Locator("#control-chart circle.point")).ToHaveCountAsync(164); // April 2010 to November 2023
        await Expect(page.Locator("#control-chart circle.point").First).ToHaveAttributeAsync("data-period", "2010-04");
        await Expect(page.Locator("#control-chart circle.point").Last).ToHaveAttributeAsync("data-period", "2023-11");
        await Expect(page.Locator("#spc-icons-variation")).ToContainTextAsync(new Regex(@"^Variation\s*(Common cause|Special cause)"));
        await Expect(page.Locator("#spc-icons-assurance")).ToContainTextAsync("No assurance: no target to compare with");
        await Expect(page.Locator("#chart-table tbody tr")).ToHaveCountAsync(164);
        await Expect(page.Locator("#chart-table caption")).ToContainTextAsync("Homicide offences, London, 2010-04 to 2023-11");
        // 32 boroughs: the City of London has its own police force, so the MPS files have no rows for it.
        await Expect(page.Locator("#borough-table tbody tr")).ToHaveCountAsync(32);
        await Expect(page.Locator("#borough-table tr[data-geography=E09000001]")).ToHaveCountAsync(0);
        await Expect(page.Locator("#small-multiples svg.spc-mini")).ToHaveCountAsync(32);
        await Expect(page.Locator(".trial-warning")).ToHaveCountAsync(0);
        // The series ends before the recording-system change, so there is no March 2024 to rebase at.
        await Expect(page.Locator("#rebase-toggle")).ToBeDisabledAsync();
        await visitor.ScreenshotAsync("measure-homicide.png");

        var href = await page.Locator("#chart-csv").GetAttributeAsync("href");
        var csv = await host.Client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var marked = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["OFFICIAL", "OFFICIAL"], new[] { marked[0], marked[^1] });
        var lines = marked[2..^1];
        Assert.Equal(165, lines.Length);
        Assert.StartsWith("Period,Value,Mean,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("2010-04,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2023-11,", lines[^1], StringComparison.Ordinal);

        // A borough from the picker: the chart, its table and the CSV link follow.
        await visitor.WaitUntilInteractiveAsync("#geography-picker");
        await page.Locator("#geography-picker").SelectOptionAsync(new SelectOptionValue { Label = "Lambeth" });
        await Expect(page).ToHaveURLAsync(new Regex("geography=E09000022"));
        await Expect(page.Locator("#chart-heading")).ToHaveTextAsync("Homicide offences: Lambeth");
        await Expect(page.Locator("#chart-csv")).ToHaveAttributeAsync("href", new Regex("geography=E09000022"));
        Assert.Empty(visitor.Errors);
    }
}
