using SeriousViolence.Abstractions;

namespace SeriousViolence.Plugins.Returns;

/// <summary>Whom a return is made for: each of the 32 boroughs the MPS polices, or once for the force (London).</summary>
public enum ReturnCoverage
{
    Boroughs,
    Force,
}

/// <summary>
/// A monthly aggregate return a strand collects (the MAPPA return, the CSU return, ...): its figures, the rules that
/// hold between them, and the measures its approved figures feed. The platform keeps the returns in the strand's own
/// schema; the kit gives the strand its preparation and approval, validation, concurrency, audit, marking, CSV, API,
/// page and measures. Counts only: a figure is a whole number of offences, people managed or referrals, never a person.
/// </summary>
public sealed class ReturnDefinition
{
    /// <summary>Unique within the strand, lower-case letters, digits and hyphens ("mappa", "csu").</summary>
    public required string Key { get; init; }

    /// <summary>As people call it: "MAPPA return".</summary>
    public required string Title { get; init; }

    /// <summary>What the return is and who makes it, shown on its page.</summary>
    public required string Description { get; init; }

    public ReturnCoverage Coverage { get; init; } = ReturnCoverage.Boroughs;

    public required IReadOnlyList<ReturnField> Fields { get; init; }

    public IReadOnlyList<ReturnRule> Rules { get; init; } = [];

    /// <summary>The measures (declared by the strand) its approved figures feed.</summary>
    public IReadOnlyList<ReturnMeasure> Measures { get; init; } = [];

    /// <summary>The fields whose London totals the strand's Board highlight shows (at most four read well).</summary>
    public IReadOnlyList<string> Headline { get; init; } = [];

    /// <summary>The strand page that holds the return's workspace, under <c>/strands/&lt;id&gt;/</c>.</summary>
    public required string PagePath { get; init; }

    /// <summary>The first month a return may be made for.</summary>
    public DateOnly FirstMonth { get; init; } = new(2000, 1, 1);

    /// <summary>Who may prepare (and correct) a return: the strand's leads and action owners.</summary>
    public StrandCapability Prepare => new($"prepare-{Key}-return", $"prepare the {Title}");

    /// <summary>Who may approve it so that it counts: the strand's leads only.</summary>
    public StrandCapability Approve => new($"approve-{Key}-return", $"approve the {Title}", LeadsOnly: true);

    /// <summary>The geographies a return is made for, by GSS code (or "london" for a force-wide return), with their names.</summary>
    public IReadOnlyDictionary<string, string> Geographies => Coverage == ReturnCoverage.Force ? ForceWide : MpsBoroughs;

    public ReturnField? Field(string code) => Fields.FirstOrDefault(f => f.Code == code);

    /// <summary>The London boroughs the Metropolitan Police polices: all but the City of London (City of London Police).</summary>
    public static readonly IReadOnlyDictionary<string, string> MpsBoroughs = SeriousViolence.Abstractions.Geographies.Boroughs
        .Where(b => b.Key != "E09000001")
        .ToDictionary(b => b.Key, b => b.Value, StringComparer.Ordinal);

    private static readonly IReadOnlyDictionary<string, string> ForceWide = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SeriousViolence.Abstractions.Geographies.London] = "London (the whole force)",
    };

    /// <summary>What is wrong with the definition itself, for the start-up check (empty when it is sound).</summary>
    public IEnumerable<string> Problems()
    {
        if (!IsCode(Key))
        {
            yield return $"the return key '{Key}' must be lower-case letters, digits and hyphens";
        }

        if (Fields.Count == 0)
        {
            yield return $"the return '{Key}' has no fields";
        }

        foreach (var duplicate in Fields.GroupBy(f => f.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"the return '{Key}' declares the field '{duplicate.Key}' twice";
        }

        var known = Fields.Select(f => f.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var f in Fields.Where(f => !IsField(f.Code) || f.Max < 1))
        {
            yield return $"the field '{f.Code}' of the return '{Key}' needs a camelCase code and a maximum of at least 1";
        }

        foreach (var code in Rules.SelectMany(r => r.Part.Concat(r.Whole))
                     .Concat(Measures.SelectMany(m => m.Numerator.Concat(m.Denominator ?? [])))
                     .Concat(Headline)
                     .Where(c => !known.Contains(c)).Distinct(StringComparer.Ordinal))
        {
            yield return $"the return '{Key}' refers to the field '{code}', which it does not declare";
        }

        if (!PagePath.StartsWith("/strands/", StringComparison.Ordinal))
        {
            yield return $"the return '{Key}' must have its page under /strands/";
        }
    }

    private static bool IsCode(string s) => s.Length is > 0 and <= 40 && s.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');

    private static bool IsField(string s) => s.Length is > 0 and <= 60 && s[0] is >= 'a' and <= 'z' && s.All(char.IsAsciiLetterOrDigit);
}

/// <summary>One figure of a return. <paramref name="Group"/> sets fields under a heading ("Offenders managed: level 1").</summary>
public sealed record ReturnField(string Code, string Label, string? Group = null, string? Hint = null, int Max = 100_000);

/// <summary>
/// The sum of <see cref="Part"/> may not exceed the sum of <see cref="Whole"/> (detections within offences, arrests
/// within arrestable offences). The message is shown beside the first field of the part.
/// </summary>
public sealed record ReturnRule(IReadOnlyList<string> Part, IReadOnlyList<string> Whole, string Message)
{
    public static ReturnRule AtMost(string part, string whole, string message) => new([part], [whole], message);
}

/// <summary>
/// A measure fed by the return: a count (the sum of <see cref="Numerator"/>) or, with a <see cref="Denominator"/>, a
/// rate in per cent, stored with both. A month whose denominator is 0 has no value ("no cases"), never 0% or 100%.
/// </summary>
public sealed record ReturnMeasure(string MeasureCode, IReadOnlyList<string> Numerator, IReadOnlyList<string>? Denominator = null)
{
    public bool IsRate => Denominator is { Count: > 0 };

    public static ReturnMeasure Count(string measureCode, params string[] fields) => new(measureCode, fields);

    public static ReturnMeasure Rate(string measureCode, string numerator, string denominator) => new(measureCode, [numerator], [denominator]);
}
