using System.Globalization;
using System.Text.RegularExpressions;

namespace SeriousViolence.Strands.Homicide.Records;

/// <summary>The checks every typed field gets before anything is parsed or stored, with the words the page shows beside it.</summary>
internal static partial class HomicideFieldText
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Null when <paramref name="text"/> is acceptable free text; otherwise what is wrong with it.</summary>
    public static string? Problem(string text, int maxLength, string what)
    {
        if (text.Length > maxLength)
        {
            return $"At most {maxLength} characters for {what} (this has {text.Length:N0}).";
        }

        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r'))
        {
            return $"Remove control characters (such as NUL or tab) from {what}.";
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                // A lone surrogate cannot be stored as UTF-8; PostgreSQL would refuse it with an error nobody can act on.
                return $"{char.ToUpperInvariant(what[0])}{what[1..]} contains a broken character; type it again.";
            }
        }

        return null;
    }

    /// <summary>A single-line value: no line breaks either.</summary>
    public static string? LineProblem(string text, int maxLength, string what) =>
        text.Any(char.IsControl)
            ? $"Remove control characters (such as NUL, tab or line breaks) from {what}."
            : Problem(text, maxLength, what);

    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact((text ?? "").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A London wall-clock time as typed (yyyy-MM-ddTHH:mm, as a datetime-local input sends it) in UTC.</summary>
    public static bool TryLondonTime(string? text, out DateTimeOffset instant)
    {
        instant = default;
        var t = (text ?? "").Trim();
        if (!DateTime.TryParseExact(t, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) || local.Year < 2000)
        {
            return false;
        }

        // An hour that does not exist (the clocks going forward) is refused rather than guessed.
        if (London.IsInvalidTime(local))
        {
            return false;
        }

        instant = new DateTimeOffset(local, London.GetUtcOffset(local)).ToUniversalTime();
        return true;
    }

    public static string LondonText(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, London).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public static string LondonDisplay(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, London).ToString("d MMM yyyy HH:mm", CultureInfo.GetCultureInfo("en-GB"));

    public static DateOnly LondonToday(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, London).DateTime);

    public static string DateText(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string DateDisplay(DateOnly? date) => date?.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB")) ?? "";

    /// <summary>"Operation Ashdown", "Operation Ash Down": the word Operation and one to three capitalised words.</summary>
    [GeneratedRegex(@"^Operation [A-Z][A-Za-z'\-]{1,24}( [A-Z][A-Za-z'\-]{1,24}){0,2}$", RegexOptions.CultureInvariant)]
    public static partial Regex OperationName();
}
