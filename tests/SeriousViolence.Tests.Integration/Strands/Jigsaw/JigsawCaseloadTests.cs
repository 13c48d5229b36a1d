using System.Text.RegularExpressions;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins.Returns;
using SeriousViolence.Strands.Jigsaw.Returns;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.Jigsaw;

/// <summary>
/// The Jigsaw strand page's caseload by level and borough counts only approved MAPPA returns: a return awaiting its
/// first approval is left out, a correction awaiting approval counts with the figures last approved, and London's row
/// says it is not London's total until every borough is in. The page shows the latest month that has an approved
/// return, as a table and a chart with a text alternative.
/// </summary>
[Collection(JigsawCaseloadShared.Name)]
public sealed partial class JigsawCaseloadTests(JigsawCaseloadHost jigsaw)
{
    [Fact]
    public async Task An_approved_return_counts_in_the_caseload_by_level_and_a_return_awaiting_approval_does_not()
    {
        await jigsaw.ApprovedAsync(JigsawCaseloadHost.Form("2025-06", JigsawCaseloadHost.Croydon, level1: 120, level2: 16, level3: 3));
        await jigsaw.PreparedAsync(JigsawCaseloadHost.Form("2025-06", JigsawCaseloadHost.Lambeth, level1: 90, level2: 10, level3: 2));

        var caseload = await jigsaw.CaseloadAsync("2025-06");

        var croydon = Assert.Single(caseload.Boroughs);
        Assert.Equal(("E09000008", "Croydon", 120, 16, 3, 139), (croydon.Geography, croydon.Name, croydon.Level1, croydon.Level2, croydon.Level3, croydon.Total));
        Assert.Equal((120, 16, 3, 139), (caseload.Level1, caseload.Level2, caseload.Level3, caseload.Total));
        Assert.False(caseload.Complete);
        Assert.Contains("Lambeth", caseload.Missing);
        Assert.Equal(31, caseload.Missing.Count());
    }

    [Fact]
    public async Task A_correction_awaiting_approval_counts_with_the_figures_last_approved_until_a_lead_approves_it()
    {
        var approved = await jigsaw.ApprovedAsync(JigsawCaseloadHost.Form("2025-07", JigsawCaseloadHost.Hackney, level1: 100, level2: 20, level3: 4));
        var correction = await jigsaw.PreparedAsync(JigsawCaseloadHost.Form("2025-07", JigsawCaseloadHost.Hackney, level1: 150, level2: 20, level3: 5, reason: "Level 1 cases of the Homerton team were left out."), approved.Version);
        Assert.Equal(ReturnStatus.CorrectionPending, correction.Status);

        var pending = Assert.Single((await jigsaw.CaseloadAsync("2025-07")).Boroughs);
        Assert.Equal((100, 20, 4), (pending.Level1, pending.Level2, pending.Level3));

        await jigsaw.ApprovedAsync(correction);
        var revised = Assert.Single((await jigsaw.CaseloadAsync("2025-07")).Boroughs);
        Assert.Equal((150, 20, 5), (revised.Level1, revised.Level2, revised.Level3));
    }

    [Fact]
    public async Task Londons_caseload_is_complete_only_once_every_boroughs_return_for_the_month_is_approved()
    {
        const string month = "2025-08";
        var boroughs = MappaReturn.Definition.Geographies.Keys.Order(StringComparer.Ordinal).ToList();
        foreach (var borough in boroughs.Skip(1))
        {
            await jigsaw.ApprovedAsync(JigsawCaseloadHost.Form(month, borough, level1: 10, level2: 2, level3: 1));
        }

        var partial = await jigsaw.CaseloadAsync(month);
        Assert.False(partial.Complete);
        Assert.Equal((31, 403), (partial.Boroughs.Count, partial.Total));

        await jigsaw.ApprovedAsync(JigsawCaseloadHost.Form(month, boroughs[0], level1: 40, level2: 5, level3: 0));

        var london = await jigsaw.CaseloadAsync(month);
        Assert.True(london.Complete);
        Assert.Empty(london.Missing);
        Assert.Equal((350, 67, 31, 448), (london.Level1, london.Level2, london.Level3, london.Total));
    }

    [Fact]
    public async Task The_strand_page_shows_the_latest_month_with_an_approved_return_as_a_table_and_a_chart()
    {
        // Later than every other test's month: November 2026 has only a prepared return, so October is the latest that counts.
        await jigsaw.ApprovedAsync(JigsawCaseloadHost.Form("2026-10", JigsawCaseloadHost.Croydon, level1: 1234, level2: 56, level3: 7, marking: "OFFICIAL-SENSITIVE"));
        await jigsaw.PreparedAsync(JigsawCaseloadHost.Form("2026-10", JigsawCaseloadHost.Lambeth, level1: 999, level2: 99, level3: 9));
        await jigsaw.PreparedAsync(JigsawCaseloadHost.Form("2026-11", JigsawCaseloadHost.Croydon, level1: 888, level2: 88, level3: 8));

        var page = await jigsaw.Host.Client.GetStringAsync("strands/jigsaw");

        var section = Between(page, "id=\"mappa-caseload-section\"", "</section>");
        Assert.Contains("<caption id=\"mappa-caseload-caption\">MAPPA offenders managed by level and borough, October 2026 (approved returns only)</caption>", section, StringComparison.Ordinal);
        var table = Between(section, "id=\"mappa-caseload-table\"", "</table>");
        Assert.Equal(["Croydon", "1,234", "56", "7", "1,297"], Cells(Between(table, "<tr data-geography=\"E09000008\">", "</tr>")));
        // Lambeth's return awaits approval: it is not in, and London's row says it adds only the boroughs that are.
        Assert.Equal(["Lambeth", "no approved return"], Cells(Between(table, "<tr data-geography=\"E09000022\">", "</tr>")));
        Assert.Equal(["London: 1 of 32 boroughs in, not yet London's total", "1,234", "56", "7", "1,297"], Cells(Between(table, "<tr id=\"mappa-caseload-london\"", "</tr>")));
        Assert.Equal(5, Regex.Count(table, "<th scope=\"col\""));
        Assert.DoesNotContain("999", table, StringComparison.Ordinal);
        Assert.DoesNotContain("888", section, StringComparison.Ordinal);

        // The chart: one bar for the one borough in, and a text alternative that the chart's role names.
        var chart = Between(section, "id=\"mappa-caseload-chart\"", "</figure>");
        Assert.Contains("role=\"img\"", chart, StringComparison.Ordinal);
        Assert.Contains("aria-labelledby=\"mappa-caseload-chart-title mappa-caseload-chart-desc\"", chart, StringComparison.Ordinal);
        Assert.Contains("1 of 32 boroughs in: 1,297 offenders managed, 1,234 at level 1, 56 at level 2 and 7 at level 3.", chart, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(chart, "<g data-geography="));
        Assert.Contains("viewBox=\"0 0 500 ", chart, StringComparison.Ordinal);
        // The approved return is OFFICIAL-SENSITIVE, and the page's marking says so.
        Assert.Contains("OFFICIAL-SENSITIVE", page, StringComparison.Ordinal);
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' not found");
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        Assert.True(to >= 0, $"'{end}' not found after '{start}'");
        return text[from..to];
    }

    /// <summary>A row's header and data cells as text.</summary>
    private static List<string> Cells(string row) =>
        [.. CellPattern().Matches(row).Select(m => System.Net.WebUtility.HtmlDecode(TagPattern().Replace(m.Groups[1].Value, "")).Trim())];

    [GeneratedRegex("<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
