using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins.Returns;
using SeriousViolence.Strands.Jigsaw.Returns;

namespace SeriousViolence.Strands.Jigsaw.Caseload;

/// <summary>One borough's MAPPA offenders managed at each level, from its approved return (all three categories added).</summary>
public sealed record BoroughCaseload(string Geography, string Name, int Level1, int Level2, int Level3)
{
    public int Total => Level1 + Level2 + Level3;
}

/// <summary>
/// The caseload by level and borough for one month: the boroughs whose return for the month is approved, and London's
/// totals of those. <see cref="Complete"/> is false while some boroughs are not in, and the page says so: a sum of
/// some boroughs is not London's caseload.
/// </summary>
public sealed record MappaCaseload(DateOnly Month, IReadOnlyList<BoroughCaseload> Boroughs, int ExpectedBoroughs, IReadOnlyList<ProtectiveMarking> Markings)
{
    public bool Complete => Boroughs.Count == ExpectedBoroughs;

    public int Level1 => Boroughs.Sum(b => b.Level1);

    public int Level2 => Boroughs.Sum(b => b.Level2);

    public int Level3 => Boroughs.Sum(b => b.Level3);

    public int Total => Level1 + Level2 + Level3;

    /// <summary>The boroughs the Jigsaw teams cover whose return for the month is not (yet) approved.</summary>
    public IEnumerable<string> Missing => MappaReturn.Definition.Geographies
        .Where(g => Boroughs.All(b => b.Geography != g.Key)).Select(g => g.Value).Order(StringComparer.Ordinal);
}

/// <summary>
/// The MAPPA caseload the strand page shows, read from the strand's own monthly returns. Only approved figures count:
/// a return awaiting its first approval is left out, and a correction awaiting approval counts with the figures last
/// approved (as the measures do).
/// </summary>
public sealed class MappaCaseloadQueries(JigsawDbContext db)
{
    /// <summary>The fields of each level, over the three categories of offender.</summary>
    public static readonly IReadOnlyList<IReadOnlyList<string>> Levels =
    [
        ["rsoLevel1", "vsoLevel1", "odoLevel1"],
        ["rsoLevel2", "vsoLevel2", "odoLevel2"],
        ["rsoLevel3", "vsoLevel3", "odoLevel3"],
    ];

    /// <summary>The latest month with at least one approved return, or null when none is approved yet.</summary>
    public async Task<MappaCaseload?> LatestAsync(CancellationToken cancellationToken)
    {
        var approved = db.Set<MonthlyReturn>().AsNoTracking()
            .Where(r => r.ReturnKey == MappaReturn.Definition.Key && r.ApprovedFigures != null);
        var latest = await approved.MaxAsync(r => (DateOnly?)r.Month, cancellationToken);
        return latest is { } month ? await ForMonthAsync(month, cancellationToken) : null;
    }

    /// <summary>The approved caseload of one month (no borough when none is approved).</summary>
    public async Task<MappaCaseload> ForMonthAsync(DateOnly month, CancellationToken cancellationToken)
    {
        var returns = await db.Set<MonthlyReturn>().AsNoTracking()
            .Where(r => r.ReturnKey == MappaReturn.Definition.Key && r.Month == month && r.ApprovedFigures != null)
            .ToListAsync(cancellationToken);
        var boroughs = returns
            .Select(r => (Return: r, Figures: r.ApprovedValues!))
            .Select(x => new BoroughCaseload(
                x.Return.Geography,
                ReturnText.Name(MappaReturn.Definition, x.Return.Geography),
                Sum(x.Figures, Levels[0]),
                Sum(x.Figures, Levels[1]),
                Sum(x.Figures, Levels[2])))
            .OrderBy(b => b.Name, StringComparer.Ordinal)
            .ToList();
        return new MappaCaseload(month, boroughs, MappaReturn.Definition.Geographies.Count, [.. returns.Select(r => r.Marking)]);
    }

    private static int Sum(IReadOnlyDictionary<string, int> figures, IEnumerable<string> fields) => fields.Sum(f => figures.GetValueOrDefault(f));
}
