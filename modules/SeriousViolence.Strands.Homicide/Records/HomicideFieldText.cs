using System.Globalization;
using System.Text.RegularExpressions;
using SeriousViolence.Plugins;

namespace SeriousViolence.Strands.Homicide.Records;

/// <summary>The checks every typed field gets before anything is parsed or stored, with the words the page shows beside it.</summary>
internal static partial class HomicideFieldText
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Null when <paramref name="text"/> is acceptable free text (line breaks allowed); otherwise what is wrong with it.</summary>
    public static string? Problem(string text, int maxLength, string what) =>
        FieldText.Problem(text, maxLength, what, required: false, allowLineBreaks: true);

    /// <summary>A single-line value: no line breaks either.</summary>
    public static string? LineProblem(string text, int maxLength, string what) =>
        FieldText.Problem(text, maxLength, what, required: false);

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
