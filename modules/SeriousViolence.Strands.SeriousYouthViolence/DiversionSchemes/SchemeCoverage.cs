using System.Globalization;
using SeriousViolence.Abstractions;
using SeriousViolence.Contracts;

namespace SeriousViolence.Strands.SeriousYouthViolence.DiversionSchemes;

/// <summary>One borough in the audit: its active schemes, and all its schemes.</summary>
public sealed record BoroughCoverage(string Borough, string Name, int Active, int Schemes);

/// <summary>
/// The audit's point: which of the 32 boroughs have at least one active scheme and which have none. Computed once here
/// for the page, the strand page's section, the API and the Board highlight.
/// </summary>
public sealed record SchemeCoverage(IReadOnlyList<BoroughCoverage> Boroughs)
{
    public const string HighlightKey = "youth-diversion-schemes";

    /// <summary>The register's own highlights on the Board (the strand's monthly returns publish theirs under another).</summary>
    public const string HighlightSource = "diversion-schemes";

    public IReadOnlyList<BoroughCoverage> Covered => [.. Boroughs.Where(b => b.Active > 0)];

    public IReadOnlyList<BoroughCoverage> Uncovered => [.. Boroughs.Where(b => b.Active == 0)];

    public static SchemeCoverage Of(IEnumerable<DiversionScheme> schemes)
    {
        ArgumentNullException.ThrowIfNull(schemes);
        var byBorough = schemes.ToLookup(s => s.Borough, StringComparer.Ordinal);
        return new SchemeCoverage([.. SchemeBoroughs.All
            .OrderBy(b => b.Value, StringComparer.Ordinal)
            .Select(b => new BoroughCoverage(b.Key, b.Value, byBorough[b.Key].Count(s => s.Status == SchemeStatus.Active), byBorough[b.Key].Count()))]);
    }

    public string Summary => string.Create(CultureInfo.InvariantCulture, $"Active schemes in {Covered.Count} of {Boroughs.Count} boroughs");

    public StrandHighlight Highlight(IReadOnlyCollection<DiversionScheme> schemes)
    {
        ArgumentNullException.ThrowIfNull(schemes);
        return new StrandHighlight
        {
            Key = HighlightKey,
            Title = "Youth diversion schemes",
            Figures =
            [
                new HighlightFigure { Label = "Boroughs with an active scheme", Value = $"{Covered.Count} of {Boroughs.Count}" },
                new HighlightFigure { Label = "Active schemes", Value = schemes.Count(s => s.Status == SchemeStatus.Active).ToString(CultureInfo.InvariantCulture) },
                new HighlightFigure { Label = "Boroughs with none", Value = Uncovered.Count.ToString(CultureInfo.InvariantCulture) },
            ],
            // Good only when every borough has one: a gap is what the audit is looking for.
            Status = Uncovered.Count == 0 ? "good" : schemes.Count == 0 ? "neutral" : "concern",
            Link = SeriousYouthViolenceStrand.DiversionSchemesPath,
            Marking = ProtectiveMarkings.Highest(schemes.Select(s => s.Marking)).Label(),
        };
    }
}
