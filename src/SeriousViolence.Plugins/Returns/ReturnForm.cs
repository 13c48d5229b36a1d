using System.Globalization;
using SeriousViolence.Abstractions;

namespace SeriousViolence.Plugins.Returns;

/// <summary>A return as a person types it (or an API sends it): text, validated on the server before anything is parsed or stored.</summary>
public sealed class ReturnForm
{
    public const int ReasonMaxLength = 500;

    /// <summary>GSS code of the borough, or "london" for a force-wide return.</summary>
    public string Geography { get; set; } = "";

    /// <summary>The month, yyyy-MM.</summary>
    public string Month { get; set; } = "";

    /// <summary>Each field's figure as typed, by field code.</summary>
    public Dictionary<string, string> Figures { get; set; } = new(StringComparer.Ordinal);

    public string Marking { get; set; } = "OFFICIAL";

    /// <summary>Why an approved return is corrected; required then, ignored otherwise.</summary>
    public string Reason { get; set; } = "";

    public static ReturnForm From(MonthlyReturn r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new ReturnForm
        {
            Geography = r.Geography,
            Month = r.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            Figures = r.PreparedValues.ToDictionary(f => f.Key, f => f.Value.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal),
            Marking = r.Marking.Label(),
        };
    }

    /// <summary>
    /// Each field's problems, keyed by the field's code (or Geography, Month, Marking, Reason), in words to show beside
    /// it; empty when the return is valid. <paramref name="today"/> decides which months have ended.
    /// </summary>
    public Dictionary<string, string[]> Validate(ReturnDefinition definition, DateOnly today, bool correcting, out ParsedReturn parsed)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var geography = (Geography ?? "").Trim();
        if (!definition.Geographies.ContainsKey(geography))
        {
            errors[nameof(Geography)] = [definition.Coverage == ReturnCoverage.Force
                ? "This return is made for London as a whole (london)."
                : "Choose one of the 32 boroughs the Metropolitan Police serves (a GSS code such as E09000008)."];
        }

        var month = default(DateOnly);
        var monthText = (Month ?? "").Trim();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        if (monthText.Length != 7 || !DateOnly.TryParseExact(monthText + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month))
        {
            errors[nameof(Month)] = ["Give the month as year and month, e.g. 2026-03."];
        }
        else if (month < definition.FirstMonth)
        {
            errors[nameof(Month)] = [$"Returns start in {definition.FirstMonth.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}."];
        }
        else if (month >= thisMonth)
        {
            // A month still running would be a part month: its figures would look like a fall that is not one.
            errors[nameof(Month)] = ["A return is made once its month has ended: choose last month or earlier."];
        }

        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        var figures = Figures ?? new Dictionary<string, string>();
        foreach (var unknown in figures.Keys.Where(k => definition.Field(k) is null))
        {
            errors[unknown] = [$"'{Shorten(unknown)}' is not a figure of the {definition.Title}."];
        }

        foreach (var field in definition.Fields)
        {
            var text = (figures.GetValueOrDefault(field.Code) ?? "").Trim();
            if (text.Length == 0)
            {
                errors[field.Code] = [$"Give the figure for {field.Label.ToLowerInvariant()} (0 if there were none)."];
            }
            else if (text.Length > 9 || !text.All(char.IsAsciiDigit) || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > field.Max)
            {
                // Digits only: .NET's parser would accept trailing NULs ("3\0").
                errors[field.Code] = [$"A whole number from 0 to {field.Max.ToString("N0", CultureInfo.InvariantCulture)}."];
            }
            else
            {
                values[field.Code] = value;
            }
        }

        foreach (var rule in definition.Rules)
        {
            if (rule.Part.Concat(rule.Whole).All(values.ContainsKey) && rule.Part.Sum(p => values[p]) > rule.Whole.Sum(w => values[w]))
            {
                var at = rule.Part[0];
                errors[at] = [.. errors.GetValueOrDefault(at) ?? [], rule.Message];
            }
        }

        if (!ProtectiveMarkings.TryParse(Marking, out var marking))
        {
            errors[nameof(Marking)] = ["Choose OFFICIAL or OFFICIAL-SENSITIVE."];
        }

        var reason = (Reason ?? "").Trim();
        if (correcting && FieldText.Problem(reason, ReasonMaxLength, "the reason for the correction") is { } problem)
        {
            errors[nameof(Reason)] = [problem];
        }

        parsed = new ParsedReturn(geography, month, values, marking, correcting ? reason : null);
        return errors;
    }

    private static string Shorten(string s) => s.Length <= 40 ? new string([.. s.Where(c => !char.IsControl(c))]) : new string([.. s[..40].Where(c => !char.IsControl(c))]) + "…";
}

/// <summary>A valid return: the borough (or london), month, figures, marking and, for a correction, why.</summary>
public sealed record ParsedReturn(string Geography, DateOnly Month, IReadOnlyDictionary<string, int> Figures, ProtectiveMarking Marking, string? Reason);
