using System.Globalization;
using SeriousViolence.Plugins;

namespace SeriousViolence.Strands.GangsCriminalNetworks.Networks;

/// <summary>The checks every typed field passes on the server before anything is parsed or stored.</summary>
internal static class FormText
{
    /// <summary>Trims and checks one text field (the kit's <see cref="FieldText"/>); adds the field's message and returns null when it is refused.</summary>
    public static string? Text(Dictionary<string, string[]> errors, string field, string? value, int max, string what, bool required = true)
    {
        var text = FieldText.Clean(value, max, what, out var problem, required);
        if (problem is not null)
        {
            errors[field] = [problem];
        }

        return text;
    }

    public static DateOnly? Date(Dictionary<string, string[]> errors, string field, string? value, string what)
    {
        var text = (value ?? "").Trim();
        if (text.Length != 10 || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year < 2000)
        {
            errors[field] = [$"Give {what} as a date, e.g. 2026-03-14."];
            return null;
        }

        return date;
    }

    public static int? Score(Dictionary<string, string[]> errors, string field, string? value, string what)
    {
        var text = (value ?? "").Trim();
        if (text.Length is 0 or > 1 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var score) || score > HarmMatrix.MaxScore)
        {
            errors[field] = [$"Score {what} as a whole number from 0 to {HarmMatrix.MaxScore}."];
            return null;
        }

        return score;
    }

    public static TEnum? Choice<TEnum>(Dictionary<string, string[]> errors, string field, string? value, string message)
        where TEnum : struct, Enum
    {
        var text = (value ?? "").Trim();
        if (text.Length is 0 or > 40 || !Enum.TryParse<TEnum>(text, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || text.Any(char.IsDigit))
        {
            errors[field] = [message];
            return null;
        }

        return parsed;
    }
}
