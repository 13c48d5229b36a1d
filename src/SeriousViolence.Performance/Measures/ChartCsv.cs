using SeriousViolence.Abstractions;
using SeriousViolence.Performance.Spc;
using System.Globalization;
using System.Text;
using SeriousViolence.Abstractions.Csv;

namespace SeriousViolence.Performance.Measures;

/// <summary>The data behind a control chart as CSV: the rows of the page's table, one per period, with the target.</summary>
public static class ChartCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "Period", "Value", "Mean", "Lower process limit", "Upper process limit", "Lower near limit", "Upper near limit",
        "Target", "Classification", "Rule", "All rules", "Segment", "Trial limits",
    ];

    public static string Write(ControlChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var sb = new StringBuilder();
        MarkedCsv.Begin(sb, ProtectiveMarking.Official, $"Control chart data");
        CsvText.Row(sb, Header);
        var target = chart.Target is { } t ? CsvText.Number(t) : "";
        foreach (var row in chart.Rows)
        {
            CsvText.EncodedRow(
                sb,
                CsvText.Field(row.Period), CsvText.Number(row.Value), CsvText.Number(row.Mean), CsvText.Number(row.LowerProcessLimit), CsvText.Number(row.UpperProcessLimit),
                CsvText.Number(row.LowerNearLimit), CsvText.Number(row.UpperNearLimit), target, CsvText.Field(row.Classification), CsvText.Field(row.Rule),
                CsvText.Field(SpcText.Rules(row.RulesFired)), row.Variation is null ? "" : (row.Segment + 1).ToString(CultureInfo.InvariantCulture),
                row.Variation is null ? "" : row.TrialLimits ? "yes" : "no");
        }

        MarkedCsv.End(sb, ProtectiveMarking.Official);
        return sb.ToString();
    }

    /// <summary>"knife-crime-offences-london-chart.csv", or with the rebase period when rebased.</summary>
    public static string FileName(ControlChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var rebase = chart.RebaseAt.Count == 0 ? "" : "-rebased-" + string.Join('-', chart.RebaseAt);
        return $"{chart.Measure.Code}-{chart.Geography}{rebase}-chart.csv".Replace('/', '-').Replace(' ', '-');
    }
}
