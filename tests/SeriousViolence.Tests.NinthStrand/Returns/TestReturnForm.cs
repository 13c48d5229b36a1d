using System.Globalization;
using SeriousViolence.Abstractions;

namespace SeriousViolence.Tests.NinthStrand.Returns;

/// <summary>A return as the lead types it: text, validated on the server before anything is parsed or stored.</summary>
public sealed class TestReturnForm
{
    public const int PreparedByMaxLength = 200;

    public const int CountMax = 1_000_000;

    /// <summary>GSS code of the borough, e.g. E09000008 (Croydon).</summary>
    public string Borough { get; set; } = "";

    /// <summary>The month, yyyy-MM.</summary>
    public string Month { get; set; } = "";

    public string Count { get; set; } = "";

    public string PreparedBy { get; set; } = "";

    public string Marking { get; set; } = "OFFICIAL";

    public static TestReturnForm From(TestReturn r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new TestReturnForm
        {
            Borough = r.Borough,
            Month = r.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            Count = r.Count.ToString(CultureInfo.InvariantCulture),
            PreparedBy = r.PreparedBy,
            Marking = r.Marking.Label(),
        };
    }

    /// <summary>Each field's problems, in words the page shows beside the field; empty when the form is valid.</summary>
    internal Dictionary<string, string[]> Validate(DateOnly today, out ParsedReturn parsed)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var count = 0;
        var borough = (Borough ?? "").Trim();
        if (!Geographies.Boroughs.ContainsKey(borough))
        {
            errors[nameof(Borough)] = ["Choose one of London's 33 boroughs (a GSS code such as E09000008)."];
        }

        var month = default(DateOnly);
        var monthText = (Month ?? "").Trim();
        if (monthText.Length != 7 || !DateOnly.TryParseExact(monthText + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month))
        {
            errors[nameof(Month)] = ["Give the month as year and month, e.g. 2026-03."];
        }
        else if (month.Year < 2000 || month > new DateOnly(today.Year, today.Month, 1))
        {
            errors[nameof(Month)] = ["The month must be between January 2000 and this month."];
        }

        var countText = (Count ?? "").Trim();
        if (countText.Length == 0)
        {
            errors[nameof(Count)] = ["Give the count (a whole number, 0 or more)."];
        }
        else if (countText.Length > 9 || !int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count > CountMax)
        {
            errors[nameof(Count)] = [$"The count must be a whole number from 0 to {CountMax:N0}."];
        }

        var preparedBy = (PreparedBy ?? "").Trim();
        if (preparedBy.Length == 0)
        {
            errors[nameof(PreparedBy)] = ["Say who prepared the return (a team or role)."];
        }
        else if (preparedBy.Length > PreparedByMaxLength)
        {
            errors[nameof(PreparedBy)] = [$"At most {PreparedByMaxLength} characters (this has {preparedBy.Length:N0})."];
        }
        else if (preparedBy.Any(char.IsControl))
        {
            errors[nameof(PreparedBy)] = ["Remove control characters (such as NUL, tab or line breaks) from who prepared it."];
        }
        else if (!IsWellFormed(preparedBy))
        {
            // A lone surrogate cannot be stored as UTF-8; PostgreSQL would refuse it with an error the person cannot act on.
            errors[nameof(PreparedBy)] = ["Who prepared it contains a broken character; type it again."];
        }

        if (!ProtectiveMarkings.TryParse(Marking, out var marking))
        {
            errors[nameof(Marking)] = ["Choose OFFICIAL or OFFICIAL-SENSITIVE."];
        }

        parsed = new ParsedReturn(borough, month, count, preparedBy, marking);
        return errors;
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}

internal sealed record ParsedReturn(string Borough, DateOnly Month, int Count, string PreparedBy, ProtectiveMarking Marking);
