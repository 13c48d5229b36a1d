using Microsoft.Playwright;
using SeriousViolence.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SeriousViolence.Tests.EndToEnd;

/// <summary>
/// An analyst loads MPS files on /imports (src/SeriousViolence.Performance/Pages/ImportsPage.razor): the page says
/// what it needs, shows the import's progress, and reports what each file did, or every reason it was refused.
/// </summary>
[Collection(OneBrowser.Name)]
public sealed class ImportPageTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task A_clean_file_is_accepted_and_the_page_reports_its_counts_and_lists_the_batch()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await using var visitor = await Visitor.ArriveAsync(browser.Browser, host, output);
        var page = visitor.Page;
        await ImportPages.OpenAsync(visitor);
        await Expect(page.Locator("#no-batches")).ToBeVisibleAsync();

        await page.Locator("#start-import").ClickAsync();
        await Expect(page.Locator("#import-message")).ToHaveTextAsync("Choose one or more CSV files first.");
        await Expect(page.Locator("#import-files")).ToHaveAttributeAsync("aria-invalid", "true");

        var report = await ImportPages.ImportAsync(visitor, ImportPages.Fixture("borough-majortext-boroughname.csv"));

        await Expect(report.Locator(".import-outcome")).ToHaveTextAsync("accepted");
        await Expect(report.Locator("[data-field=format]")).ToHaveTextAsync("recorded-crime-borough");
        await Expect(report.Locator("[data-field=rows]")).ToHaveTextAsync("4");
        await Expect(report.Locator("[data-field=new]")).ToHaveTextAsync("8");
        await Expect(report.Locator("[data-field=revised]")).ToHaveTextAsync("0");
        await Expect(report.Locator("[data-field=unchanged]")).ToHaveTextAsync("0");
        await Expect(report.Locator(".import-notes")).ToContainTextAsync("'Unknown' is an MPS pseudo-borough");
        await Expect(page.Locator("#import-message")).ToHaveCountAsync(0);
        await Expect(page.Locator("#import-progress-bar")).ToBeVisibleAsync();
        await Expect(page.Locator("#import-stage")).ToContainTextAsync("Finished · 4 rows read");
        var batch = page.Locator("#import-batches tbody tr").First;
        await Expect(batch).ToContainTextAsync("borough-majortext-boroughname.csv");
        await Expect(batch).ToContainTextAsync("succeeded");
        await Expect(batch).ToContainTextAsync("Test operator");
        await visitor.ScreenshotAsync("imports.png");

        // The same file again changes nothing: every observation is unchanged.
        var again = await ImportPages.ImportAsync(visitor, ImportPages.Fixture("borough-majortext-boroughname.csv"));
        await Expect(again.Locator("[data-field=unchanged]")).ToHaveTextAsync("8");
        await Expect(page.Locator("#import-batches tbody tr")).ToHaveCountAsync(2);
        Assert.Empty(visitor.Errors);
    }

    [Fact]
    public async Task A_file_with_errors_is_rejected_and_the_page_lists_line_column_and_reason()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await using var visitor = await Visitor.ArriveAsync(browser.Browser, host, output);
        var page = visitor.Page;
        await ImportPages.OpenAsync(visitor);

        var report = await ImportPages.ImportAsync(visitor, ImportPages.Fixture("errors.csv"));

        await Expect(report.Locator(".import-outcome")).ToHaveTextAsync("rejected");
        await Expect(report).ToContainTextAsync("Rejected: nothing from this file was written.");
        await Expect(report.Locator("[data-field=errors]")).ToHaveTextAsync("4");
        var atlantis = report.Locator("table.import-errors tbody tr", new() { HasText = "Atlantis" });
        await Expect(atlantis.Locator("td").Nth(0)).ToHaveTextAsync("3");
        await Expect(atlantis.Locator("td").Nth(1)).ToHaveTextAsync("BoroughName");
        await Expect(atlantis.Locator("td").Nth(2)).ToContainTextAsync("'Atlantis' is not a London borough");
        await Expect(report.Locator("table.import-errors tbody tr")).ToHaveCountAsync(4);
        await Expect(page.Locator("#import-batches tbody tr").First).ToContainTextAsync("rejected");
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM performance.observations"));
        await visitor.ScreenshotAsync("imports-rejected.png");
        Assert.Empty(visitor.Errors);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await using var visitor = await Visitor.ArriveAsync(browser.Browser, host, output);
        var page = visitor.Page;
        var large = Path.Combine(Path.GetTempPath(), $"too-large-{Guid.NewGuid():N}.csv");
        try
        {
            await using (var file = File.Create(large))
            {
                file.SetLength(60L * 1024 * 1024);
            }

            await ImportPages.OpenAsync(visitor);
            await page.Locator("#import-files").SetInputFilesAsync(large);
            await Expect(page.Locator("#chosen-files")).ToContainTextAsync("Too large: over the 50 MB limit");
            await page.Locator("#start-import").ClickAsync();

            await Expect(page.Locator("#import-message")).ToContainTextAsync($"{Path.GetFileName(large)} was not imported: it is 60 MB, over the 50 MB limit for one file.");
            await Expect(page.Locator("#import-progress")).ToHaveCountAsync(0);
            Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM performance.import_batches"));
            Assert.Empty(visitor.Errors);
        }
        finally
        {
            File.Delete(large);
        }
    }
}
