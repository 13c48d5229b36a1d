using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;
using SeriousViolence.Platform.Strands;

namespace SeriousViolence.Governance.Cycle;

/// <summary>A quarter for the API and pages: its state, each strand's submission and its record once taken.</summary>
public sealed record QuarterView(
    string QuarterId,
    string Quarter,
    string State,
    DateOnly StartsOn,
    DateOnly EndsOn,
    DateTimeOffset WindowOpensAt,
    DateTimeOffset DeadlineAt,
    DateTimeOffset? LockedAt,
    Guid? SnapshotId,
    IReadOnlyList<StrandSubmissionView> Submissions);

/// <summary>"on time", "late" or "not submitted"; the first submission decides, later revisions are counted.</summary>
public sealed record StrandSubmissionView(string StrandId, string StrandName, string Status, DateTimeOffset? SubmittedAt, string? SubmittedBy, long Revisions);

public sealed class QuarterQueries(GovernanceDbContext db, StrandCatalog catalog)
{
    /// <summary>The URL form of a quarter: "2026-27-Q1" for "2026/27 Q1".</summary>
    public static string IdOf(FinancialQuarter quarter) =>
        string.Create(CultureInfo.InvariantCulture, $"{quarter.StartYear}-{(quarter.StartYear + 1) % 100:00}-Q{quarter.Quarter}");

    /// <summary>Reads "2026-27-Q1" (or "2026/27 Q1").</summary>
    public static bool TryParseId(string? id, out FinancialQuarter quarter)
    {
        quarter = default;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        var text = id.Length == 10 && id[4] == '-' && id[7] == '-' ? $"{id[..4]}/{id[5..7]} {id[8..]}" : id;
        try
        {
            quarter = FinancialQuarter.Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<QuarterView>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.ViewBoard);
        var quarters = await db.Quarters.AsNoTracking().ToListAsync(cancellationToken);
        var submissions = await db.Submissions.AsNoTracking().ToListAsync(cancellationToken);
        return [.. quarters.OrderByDescending(q => FinancialQuarter.Parse(q.Quarter)).Select(q => View(q, submissions.Where(s => s.Quarter == q.Quarter).ToList()))];
    }

    public async Task<QuarterView?> GetAsync(Actor actor, FinancialQuarter quarter, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.ViewBoard);
        var key = quarter.ToString();
        var q = await db.Quarters.AsNoTracking().SingleOrDefaultAsync(r => r.Quarter == key, cancellationToken);
        return q is null ? null : View(q, await db.Submissions.AsNoTracking().Where(s => s.Quarter == key).ToListAsync(cancellationToken));
    }

    private QuarterView View(QuarterRecord q, List<StrandSubmission> submissions) => new(
        IdOf(FinancialQuarter.Parse(q.Quarter)), q.Quarter, q.State, q.StartsOn, q.EndsOn, q.WindowOpensAt, q.DeadlineAt, q.LockedAt, q.SnapshotId,
        [.. catalog.Descriptors.Select(d =>
        {
            var mine = submissions.Where(s => s.StrandId == d.Id).OrderBy(s => s.Revision).ToList();
            var first = mine.FirstOrDefault();
            return new StrandSubmissionView(d.Id, d.Name, first is null ? "not submitted" : first.Late ? "late" : "on time", first?.SubmittedAt, first?.SubmittedBy, mine.Count);
        })]);
}
