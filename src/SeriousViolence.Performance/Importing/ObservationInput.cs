using System.Globalization;
using SeriousViolence.Abstractions;

namespace SeriousViolence.Performance.Importing;

/// <summary>One observation as a partner system sends it.</summary>
public sealed record ObservationInput(string Period, string Geography, decimal Value, decimal? Numerator = null, decimal? Denominator = null)
{
    /// <summary>
    /// Reads a period in the form the measure's frequency uses: monthly "2024-03", quarterly "2024/25 Q1"
    /// (financial quarter), annual "2024".
    /// </summary>
    public static (PeriodKind Kind, DateOnly Start, string? Error) ParsePeriod(string? period, string frequency)
    {
        var text = period?.Trim() ?? "";
        switch (frequency)
        {
            case "monthly" when DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month):
                return (PeriodKind.Month, month, null);
            case "annual" when text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year):
                return (PeriodKind.Year, new DateOnly(year, 1, 1), null);
            case "quarterly":
                try
                {
                    return (PeriodKind.Quarter, FinancialQuarter.Parse(text).Start, null);
                }
                catch (FormatException)
                {
                    return (PeriodKind.Quarter, default, $"'{text}' is not a financial quarter; this measure is quarterly: write 2024/25 Q1.");
                }

            default:
                return (PeriodKind.Month, default, frequency switch
                {
                    "monthly" => $"'{text}' is not a month; this measure is monthly: write 2024-03.",
                    "annual" => $"'{text}' is not a year; this measure is annual: write 2024.",
                    _ => $"Unknown frequency '{frequency}'.",
                });
        }
    }
}
