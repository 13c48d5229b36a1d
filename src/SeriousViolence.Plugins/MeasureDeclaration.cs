using System.Reflection;
using System.Text.Json;
using SeriousViolence.Abstractions;

namespace SeriousViolence.Plugins;

/// <summary>
/// A success measure as the strand that owns it declares it. Performance stores it, charts its observations with the
/// SPC engine and tells the Board; it no longer knows which strand owns what. Codes are unique across the platform.
/// </summary>
public sealed record MeasureDeclaration
{
    /// <summary>Stable code, lower-case with hyphens, e.g. "homicide-detection-rate".</summary>
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>count, rate-per-1000, percentage or days.</summary>
    public required string Unit { get; init; }

    public string? Numerator { get; init; }

    public string? Denominator { get; init; }

    /// <summary>higher-is-better, lower-is-better or neutral.</summary>
    public required string Polarity { get; init; }

    public decimal? TargetValue { get; init; }

    public DateOnly? TargetDate { get; init; }

    public string? TargetText { get; init; }

    public string? Baseline { get; init; }

    /// <summary>monthly, quarterly or annual.</summary>
    public required string Frequency { get; init; }

    /// <summary>Which kinds of place it is measured for: london, borough, ward.</summary>
    public required IReadOnlyList<string> Geographies { get; init; }

    public required string DataSource { get; init; }

    /// <summary>OFFICIAL or OFFICIAL-SENSITIVE.</summary>
    public string Marking { get; init; } = "OFFICIAL";

    /// <summary>The strategy's words the measure stands for, where it quotes them.</summary>
    public string? SourceText { get; init; }

    /// <summary>Numbers (1-7) of the key outcomes it evidences.</summary>
    public required IReadOnlyList<int> Outcomes { get; init; }

    /// <summary>
    /// Set when the measure only stands in for what the strategy asks about (e.g. knife-injury victims aged 1-24 for the
    /// victims and offenders under 20 the strategy names): why, in a sentence. Pages and Board cards label it, and the
    /// Board never puts a proxy's signal on its agenda as a real change.
    /// </summary>
    public string? Proxy { get; init; }

    /// <summary>Other strands whose success the measure also evidences (their pages and cards list it too).</summary>
    public IReadOnlyList<string> AlsoServes { get; init; } = [];

    /// <summary>Published offence categories that feed it (seeded into the analysts' editable mapping).</summary>
    public IReadOnlyList<CategoryFeed> Mappings { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads the declarations embedded as <c>Seed/measures.json</c> in a plugin assembly (none if absent).</summary>
    public static IReadOnlyList<MeasureDeclaration> FromEmbeddedFile(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(".Seed.measures.json", StringComparison.Ordinal));
        if (name is null)
        {
            return [];
        }

        using var stream = assembly.GetManifestResourceStream(name)!;
        var file = JsonSerializer.Deserialize<MeasureFile>(stream, Json)
            ?? throw new InvalidDataException($"{name} in {assembly.GetName().Name} is empty.");
        return file.Measures;
    }

    /// <summary>What is wrong with the declaration, or nothing.</summary>
    public IEnumerable<string> Problems()
    {
        if (Code.Length is 0 or > 60 || !Code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            yield return $"measure code '{Code}' must be lower-case letters, digits and hyphens (at most 60)";
        }

        if (Unit is not ("count" or "rate-per-1000" or "percentage" or "days"))
        {
            yield return $"measure '{Code}' has unit '{Unit}'; use count, rate-per-1000, percentage or days";
        }

        if (Polarity is not ("higher-is-better" or "lower-is-better" or "neutral"))
        {
            yield return $"measure '{Code}' has polarity '{Polarity}'; use higher-is-better, lower-is-better or neutral";
        }

        if (Frequency is not ("monthly" or "quarterly" or "annual"))
        {
            yield return $"measure '{Code}' has frequency '{Frequency}'; use monthly, quarterly or annual";
        }

        if (!ProtectiveMarkings.TryParse(Marking, out _))
        {
            yield return $"measure '{Code}' has marking '{Marking}'; use OFFICIAL or OFFICIAL-SENSITIVE";
        }

        if (Proxy is not null && (Proxy.Trim().Length is 0 or > 500))
        {
            yield return $"measure '{Code}' has a proxy note that is empty or longer than 500 characters";
        }

        if (Outcomes.Any(o => o is < 1 or > 7))
        {
            yield return $"measure '{Code}' names a key outcome outside 1-7";
        }
    }

    private sealed record MeasureFile(IReadOnlyList<MeasureDeclaration> Measures);
}

/// <summary>A published category that feeds a measure: family recorded-crime or knife-dashboard, its major and minor text.</summary>
public sealed record CategoryFeed(string Family, string Major, string Minor);
