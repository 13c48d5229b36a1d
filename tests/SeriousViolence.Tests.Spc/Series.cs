using SeriousViolence.Performance.Spc;

namespace SeriousViolence.Tests.Spc;

/// <summary>Builds series for the tests: periods P01, P02, ... in order.</summary>
internal static class Series
{
    public static string Period(int index) => $"P{index + 1:00}";

    public static SpcPoint[] Points(params double[] values) => values.Select((v, i) => new SpcPoint(Period(i), v)).ToArray();

    public static SpcResult Analyse(double[] values, SpcOptions options) => XmrChart.Analyse(Points(values), options);

    public static SpcOptions HigherIsBetter { get; } = new() { Polarity = Polarity.HigherIsBetter };

    /// <summary>10, 11 repeated six times: mean 10.5, every moving range 1, limits 10.5 ± 2.66 = 7.84 and 13.16.</summary>
    public static double[] Steady => [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11];

    public static double[] Repeat(double[] values, int times) => Enumerable.Repeat(values, times).SelectMany(v => v).ToArray();

    /// <summary>The indices of the points a rule is part of.</summary>
    public static int[] Where(SpcResult result, SpcRules rule) =>
        result.Points.Where(p => p.RulesFired.HasFlag(rule)).Select(p => p.Index).ToArray();

    public static int[] Range(int first, int count) => Enumerable.Range(first, count).ToArray();
}
