using System.Globalization;

namespace SeriousViolence.Abstractions;

/// <summary>
/// A quarter of the April-March financial year: Q1 is April-June, Q4 is January-March of the following calendar year.
/// <see cref="StartYear"/> is the calendar year in which the financial year begins (2007 for 2007/08).
/// </summary>
public readonly record struct FinancialQuarter : IComparable<FinancialQuarter>
{
    public FinancialQuarter(int startYear, int quarter)
    {
        if (quarter is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "A financial quarter is numbered 1 to 4.");
        }

        if (startYear is < 1900 or > 9998)
        {
            throw new ArgumentOutOfRangeException(nameof(startYear), startYear, "Financial year is out of range.");
        }

        StartYear = startYear;
        Quarter = quarter;
    }

    public int StartYear { get; }

    public int Quarter { get; }

    /// <summary>First day of the quarter.</summary>
    public DateOnly Start => new DateOnly(StartYear, 4, 1).AddMonths(3 * (Quarter - 1));

    /// <summary>Last day of the quarter.</summary>
    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    public static FinancialQuarter Containing(DateOnly date)
    {
        var startYear = date.Month >= 4 ? date.Year : date.Year - 1;
        var monthsIntoYear = (date.Month + 8) % 12; // April = 0 ... March = 11
        return new FinancialQuarter(startYear, (monthsIntoYear / 3) + 1);
    }

    public static FinancialQuarter Containing(DateTimeOffset instant) =>
        Containing(DateOnly.FromDateTime(instant.UtcDateTime));

    /// <summary>
    /// The quarter whose update strands prepare and submit at this instant: the last one to have ended. A quarter's
    /// reporting window opens when it ends (the cycle then reminds and locks it), so in July leads report on April-June.
    /// </summary>
    public static FinancialQuarter ReportedAt(DateTimeOffset instant) => Containing(instant).Previous();

    public FinancialQuarter Next() => Quarter == 4 ? new(StartYear + 1, 1) : new(StartYear, Quarter + 1);

    public FinancialQuarter Previous() => Quarter == 1 ? new(StartYear - 1, 4) : new(StartYear, Quarter - 1);

    public int CompareTo(FinancialQuarter other) =>
        StartYear != other.StartYear ? StartYear.CompareTo(other.StartYear) : Quarter.CompareTo(other.Quarter);

    public static bool operator <(FinancialQuarter left, FinancialQuarter right) => left.CompareTo(right) < 0;

    public static bool operator >(FinancialQuarter left, FinancialQuarter right) => left.CompareTo(right) > 0;

    public static bool operator <=(FinancialQuarter left, FinancialQuarter right) => left.CompareTo(right) <= 0;

    public static bool operator >=(FinancialQuarter left, FinancialQuarter right) => left.CompareTo(right) >= 0;

    /// <summary>Formats as the Board writes it: "2007/08 Q1".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{StartYear}/{(StartYear + 1) % 100:00} Q{Quarter}");

    /// <summary>Parses "2007/08 Q1" (the form <see cref="ToString"/> writes).</summary>
    public static FinancialQuarter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2
            && parts[0].Length == 7 && parts[0][4] == '/'
            && int.TryParse(parts[0].AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(parts[0].AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var nextYear)
            && nextYear == (year + 1) % 100
            && parts[1].Length == 2 && parts[1][0] is 'Q' or 'q'
            && parts[1][1] is >= '1' and <= '4')
        {
            return new FinancialQuarter(year, parts[1][1] - '0');
        }

        throw new FormatException($"'{text}' is not a financial quarter; expected the form 2007/08 Q1.");
    }
}
