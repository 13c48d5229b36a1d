using System.Text.RegularExpressions;
using SeriousViolence.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SeriousViolence.Tests.EndToEnd;

/// <summary>What the ninth strand publishes from its returns, on the Board and on its measure's page, in the browser.</summary>
[Collection(OneBrowser.Name)]
public sealed class NinthStrandBoardTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task The_board_shows_the_strands_highlight_on_its_card_and_follows_its_link_to_the_returns_page()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await NinthStrandVisits.StartAsync(db);
        var lead = await NinthStrandVisits.LeadAsync(host);
        await NinthStrandVisits.RecordAsync(host, lead, "E09000008", "2026-10", 12);
        await NinthStrandVisits.RecordAsync(host, lead, "E09000022", "2026-10", 30);
        await using var visitor = await Visitor.ArriveAsync(browser.Browser, host, output);
        var page = visitor.Page;

        await visitor.OpenAsync("board");

        var card = page.Locator("article.card[data-strand='ninth-test']");
        await Expect(card).ToContainTextAsync("Knife Crime Test Strand");
        await Expect(card).ToContainTextAsync("Test returns");
        await Expect(card).ToContainTextAsync("Boroughs reporting");
        await Expect(card).ToContainTextAsync("2 of 33");
        await Expect(card).ToContainTextAsync("London total");
        await Expect(card).ToContainTextAsync("42");
        await NinthStrandVisits.ScreenshotsAsync(visitor, "ninth-board-highlight");
        await card.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts("screenshots"), "ninth-board-card.png") });
        await card.Locator("a[href$='strands/ninth-test/returns']").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/strands/ninth-test/returns$"));
        Assert.Empty(visitor.Errors);
    }

    [Fact]
    public async Task The_measure_page_charts_the_observations_the_strand_published_from_its_returns()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await NinthStrandVisits.StartAsync(db);
        var lead = await NinthStrandVisits.LeadAsync(host);
        await NinthStrandVisits.RecordAsync(host, lead, "E09000008", "2026-08", 10);
        await NinthStrandVisits.RecordAsync(host, lead, "E09000008", "2026-09", 11);
        await NinthStrandVisits.RecordAsync(host, lead, "E09000022", "2026-09", 5);
        await NinthStrandVisits.RecordAsync(host, lead, "E09000008", "2026-10", 12);
        await using var visitor = await Visitor.ArriveAsync(browser.Browser, host, output);
        var page = visitor.Page;

        // Performance stores what the strand's outbox published; wait for London's last month before opening the chart.
        await Eventually.WaitForAsync(
            () => db.ScalarAsync<long>("SELECT count(*) FROM performance.observations WHERE measure_code = 'ninth-test-returns' AND geography = 'london'"), c => c == 3, "London's three months in Performance");
        await visitor.OpenAsync("measures/ninth-test-returns");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Test returns: monthly count");
        await Expect(page.Locator("#control-chart circle.point")).ToHaveCountAsync(3);
        await Expect(page.Locator("#control-chart circle.point").Last).ToHaveAttributeAsync("data-period", "2026-10");
        await Expect(page.Locator("#chart-table tbody tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("#chart-table tbody")).ToContainTextAsync("16");
        await NinthStrandVisits.ScreenshotsAsync(visitor, "ninth-measure-chart");
        Assert.Empty(visitor.Errors);
    }
}
