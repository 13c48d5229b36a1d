using System.Globalization;
using SeriousViolence.Abstractions;
using SeriousViolence.Performance.Spc;

namespace SeriousViolence.Board.Dashboard;

/// <summary>The Board's words for statuses, icons and numbers: one place, so pages, CSV and print agree.</summary>
public static class BoardText
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static readonly string[] Ripe = ["Reassurance", "Intelligence", "Prevention", "Enforcement"];

    public static readonly string[] Statuses = [.. Enum.GetNames<ObjectiveStatus>()];

    public static readonly string[] Themes = ["drugs", "alcohol", "mental-health", "guns", "knives"];

    public static string Status(string status) =>
        Enum.TryParse<ObjectiveStatus>(status, out var s) ? s.Label() : status;

    public static string Theme(string code) => code switch
    {
        "mental-health" => "Mental health",
        _ => code.Length == 0 ? code : char.ToUpperInvariant(code[0]) + code[1..],
    };

    public static string Rag(Rag? rag) => rag?.ToString() ?? "Not assessed";

    public static string Rag(string? rag) => rag ?? "Not assessed";

    public static string Number(decimal value, string unit) => unit switch
    {
        "percentage" => value.ToString("0.#", EnGb) + "%",
        "rate-per-1000" => value.ToString("0.##", EnGb) + " per 1,000",
        "days" => value.ToString("0.#", EnGb) + " days",
        _ => value.ToString("#,##0.##", EnGb),
    };

    /// <summary>The icon in a few words, as the measure pages say it; "Not enough data" where there is no reading.</summary>
    public static string Variation(VariationIcon? icon) => icon is { } i ? SpcText.VariationShort(i) : "Not enough data";

    /// <summary>A CSS-friendly key: improvement, concern, neutral, common or none.</summary>
    public static string VariationKey(VariationIcon? icon) => icon is { } i ? SpcText.Key(i) : "none";

    /// <summary>The icon's letter as Making Data Count draws it: H or L for a special cause, nothing for common cause.</summary>
    public static string VariationGlyph(VariationIcon? icon) => icon switch
    {
        VariationIcon.SpecialCauseImprovementHigh or VariationIcon.SpecialCauseConcernHigh or VariationIcon.SpecialCauseNeitherHigh => "H",
        VariationIcon.SpecialCauseImprovementLow or VariationIcon.SpecialCauseConcernLow or VariationIcon.SpecialCauseNeitherLow => "L",
        null => "–",
        _ => "~",
    };

    public static string Assurance(AssuranceIcon icon) => icon switch
    {
        AssuranceIcon.ConsistentlyPasses => "Consistently passes target",
        AssuranceIcon.ConsistentlyFails => "Consistently fails target",
        AssuranceIcon.HitAndMiss => "Hit and miss target",
        _ => "No target",
    };

    public static string AssuranceKey(AssuranceIcon icon) => icon switch
    {
        AssuranceIcon.ConsistentlyPasses => "pass",
        AssuranceIcon.ConsistentlyFails => "fail",
        AssuranceIcon.HitAndMiss => "hitmiss",
        _ => "none",
    };

    public static string AssuranceGlyph(AssuranceIcon icon) => icon switch
    {
        AssuranceIcon.ConsistentlyPasses => "P",
        AssuranceIcon.ConsistentlyFails => "F",
        AssuranceIcon.HitAndMiss => "?",
        _ => "–",
    };

    /// <summary>A highlight's status in words (never colour alone); a status the Board does not know reads as neutral.</summary>
    public static string HighlightStatus(string? status) => HighlightKey(status) switch
    {
        "good" => "Good",
        "concern" => "Of concern",
        _ => "Neutral",
    };

    /// <summary>good, concern or neutral, for the CSS class.</summary>
    public static string HighlightKey(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        "good" => "good",
        "concern" => "concern",
        _ => "neutral",
    };

    /// <summary>
    /// A highlight's link as an href relative to the base, or null: only a path inside the platform ("/..."), so a
    /// plugin's text can never become a script or off-site link.
    /// </summary>
    public static string? HighlightHref(string? link) =>
        link is { Length: > 1 } l && l[0] == '/' && l[1] != '/' && l[1] != '\\' && !l.Contains(':', StringComparison.Ordinal) ? l.TrimStart('/') : null;

    /// <summary>The heading over the strand cards: the strands the Board was told about, counted.</summary>
    public static string StrandsHeading(int count) => count switch
    {
        0 => "No strand has reported yet",
        1 => "The one strand reporting",
        _ => $"The {count.ToString(EnGb)} strands",
    };

    public static string Percent(double? share) => share is { } s ? Math.Round(s * 100).ToString("0", EnGb) + "%" : "–";

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy HH:mm", EnGb) + " UTC";

    public static string Submission(BoardSubmissionState s) =>
        s.Received ? $"{s.Quarter}: submitted{(s.SubmittedAt is { } at ? " " + at.UtcDateTime.ToString("d MMM yyyy", EnGb) : "")}{(s.Revision > 1 ? $" (revision {s.Revision})" : "")}"
        : $"{s.Quarter}: not submitted";
}
