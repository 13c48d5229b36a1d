using System.Globalization;

namespace SeriousViolence.Performance.Pages;

/// <summary>Maps values onto SVG coordinates, and chooses round tick values for an axis.</summary>
internal readonly record struct LinearScale(double DomainMin, double DomainMax, double RangeMin, double RangeMax)
{
    public double Map(double value) =>
        DomainMax == DomainMin ? (RangeMin + RangeMax) / 2 : RangeMin + ((value - DomainMin) / (DomainMax - DomainMin) * (RangeMax - RangeMin));

    /// <summary>A domain widened to round numbers, with the round values between, about <paramref name="count"/> of them.</summary>
    public static (double Min, double Max, IReadOnlyList<double> Ticks) Nice(double min, double max, int count)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            return (0, 1, [0, 1]);
        }

        if (max - min < 1e-9)
        {
            var pad = Math.Abs(max) < 1e-9 ? 1 : Math.Abs(max) * 0.1;
            min -= pad;
            max += pad;
        }

        var rough = (max - min) / Math.Max(count, 1);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1.0, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(s => s >= rough);
        var lo = Math.Floor(min / step) * step;
        var hi = Math.Ceiling(max / step) * step;
        var ticks = new List<double>();
        for (var t = lo; t <= hi + (step / 2); t += step)
        {
            ticks.Add(Math.Round(t, 10));
        }

        return (lo, hi, ticks);
    }
}

/// <summary>How the pages write numbers: as the measure's unit reads (counts whole, percentages with one decimal and %).</summary>
internal static class Display
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Value(string unit, double value) => !double.IsFinite(value) ? "–" : unit switch
    {
        "percentage" => value.ToString("0.0", EnGb) + "%",
        "rate-per-1000" => value.ToString("0.00", EnGb),
        _ => Math.Abs(value - Math.Round(value)) < 1e-9 ? value.ToString("N0", EnGb) : value.ToString("N1", EnGb),
    };

    /// <summary>A mean or a limit: one decimal more than the values, so that a reader can tell a point from its limit.</summary>
    public static string Limit(string unit, double value) => !double.IsFinite(value) ? "–" : unit switch
    {
        "percentage" => value.ToString("0.0", EnGb) + "%",
        "rate-per-1000" => value.ToString("0.00", EnGb),
        _ => value.ToString("N1", EnGb),
    };

    /// <summary>A short tick label: no thousands beyond what fits.</summary>
    public static string Tick(string unit, double value) => unit switch
    {
        "percentage" => value.ToString("0.##", EnGb) + "%",
        _ => value.ToString("#,0.##", EnGb),
    };

    public static string AxisTitle(string unit, string frequency) => (unit, frequency) switch
    {
        ("count", "monthly") => "Count per month",
        ("count", "quarterly") => "Count per quarter",
        ("count", _) => "Count per year",
        ("percentage", _) => "Percentage",
        ("rate-per-1000", _) => "Rate per 1,000",
        ("days", _) => "Days",
        _ => unit,
    };

    /// <summary>"November 2023" for "2023-11"; other periods as they are.</summary>
    public static string Period(string period) =>
        DateOnly.TryParseExact(period, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month.ToString("MMMM yyyy", EnGb)
            : period;

    public static string PeriodName(string frequency) => frequency switch
    {
        "monthly" => "Month",
        "quarterly" => "Financial quarter",
        _ => "Year",
    };
}
