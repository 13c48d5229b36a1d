using Microsoft.Playwright;
using SeriousViolence.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace SeriousViolence.Tests.EndToEnd;

/// <summary>Driving /imports: choose files on the live page, start, and wait for each file's report.</summary>
internal static class ImportPages
{
    public static string Fixture(string name) =>
        Path.Combine(RepositoryPaths.Root, "tests", "SeriousViolence.Tests.Integration", "Fixtures", "imports", name);

    /// <summary>
    /// Opens /imports and waits until the file input is live: the circuit has rendered it enabled and blazor.web.js has
    /// attached InputFile's change listener (it marks the element with _blazorInputFileNextFileId).
    /// </summary>
    public static async Task OpenAsync(Visitor visitor)
    {
        await visitor.OpenAsync("imports");
        await visitor.WaitUntilInteractiveAsync("#start-import");
        await visitor.Page.WaitForFunctionAsync(
            "() => { const e = document.querySelector('#import-files'); return !!e && !e.disabled && e._blazorInputFileNextFileId !== undefined; }");
    }

    public static async Task<ILocator> ImportAsync(Visitor visitor, string path, float timeoutMs = 20_000)
    {
        var page = visitor.Page;
        // While an import runs the input is disabled; files set on it then would never reach the server.
        await Expect(page.Locator("#import-files")).ToBeEnabledAsync();
        // Cleared first: setting the very files already chosen is no change, and the page would not hear of it.
        await page.Locator("#import-files").SetInputFilesAsync(Array.Empty<string>());
        await page.Locator("#import-files").SetInputFilesAsync(path);
        await Expect(page.Locator("#chosen-files")).ToContainTextAsync(Path.GetFileName(path));
        await page.Locator("#start-import").ClickAsync();
        var report = page.Locator($"article.import-report[data-file=\"{Path.GetFileName(path)}\"]");
        await Expect(report).ToBeVisibleAsync(new() { Timeout = timeoutMs });
        return report;
    }
}
