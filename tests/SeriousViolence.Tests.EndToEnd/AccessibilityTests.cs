using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace SeriousViolence.Tests.EndToEnd;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright) on every page of the main journeys at desktop size: no serious or critical
/// violation, every rule axe has on (WCAG 2.x A and AA, and its best practices such as content inside landmarks);
/// moderate and minor findings are written to the test output to be worked through.
/// </summary>
[Collection(OneBrowser.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, MainJourneysHost fixture, ITestOutputHelper output)
    : IClassFixture<MainJourneysHost>
{
    [Fact]
    public async Task No_page_of_the_main_journeys_has_a_serious_or_critical_accessibility_violation()
    {
        await using var visitor = await Visitor.ArriveAsync(browser.Browser, fixture.Host, output, "desktop", fixture.Person);
        var blocking = new List<string>();

        foreach (var (path, name, ready, live) in MainJourneys.Pages)
        {
            await MainJourneys.VisitAsync(visitor, path, ready, live);
            var result = await visitor.Page.RunAxe();
            foreach (var violation in result.Violations)
            {
                var line = $"/{path} [{violation.Impact}] {violation.Id}: {violation.Help} ({violation.Nodes.Length} element(s): "
                    + string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Html)) + ")";
                output.WriteLine(line);
                if (violation.Impact is "serious" or "critical")
                {
                    blocking.Add(line);
                }
            }

            output.WriteLine($"/{path} ({name}): {result.Violations.Length} finding(s), {result.Passes.Length} rule(s) passed");
        }

        Assert.True(blocking.Count == 0, "Serious or critical accessibility violations:\n" + string.Join('\n', blocking));
        Assert.Empty(visitor.Errors);
    }
}
