using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SeriousViolence.Performance.Spc;

namespace SeriousViolence.Governance.Snapshots;

/// <summary>
/// The one place Governance reads the Board's read model (schema board), to picture a quarter at its lock. Read-only
/// and kept to this class so that it can be switched to the Board's summary service when that exists.
/// </summary>
public sealed class BoardReadModelSource(GovernanceDbContext db)
{
    public async Task<(IReadOnlyList<BoardObjectiveRow> Objectives, IReadOnlyList<MeasurePicture> Measures)> ReadAsync(CancellationToken cancellationToken)
    {
        var objectives = await db.Database.SqlQueryRaw<BoardObjectiveRow>(
            """
            SELECT objective_id AS "ObjectiveId", strand_id AS "StrandId", text AS "Text", status AS "Status", rag AS "Rag",
                   percent_complete AS "PercentComplete", revision AS "Revision"
            FROM board.objectives ORDER BY strand_id, text
            """).ToListAsync(cancellationToken);
        var polarities = (await db.Database.SqlQueryRaw<BoardPolarityRow>(
            """SELECT measure_code AS "MeasureCode", polarity AS "Polarity" FROM board.measures""").ToListAsync(cancellationToken))
            .ToDictionary(m => m.MeasureCode, m => PolarityOf(m.Polarity), StringComparer.Ordinal);
        var observations = await db.Database.SqlQueryRaw<BoardObservationRow>(
            """
            SELECT measure_code AS "MeasureCode", period_start AS "PeriodStart", value AS "Value"
            FROM board.measure_observations WHERE geography = 'london' AND period_kind = 'month'
            ORDER BY measure_code, period_start
            """).ToListAsync(cancellationToken);
        var measures = observations.GroupBy(o => o.MeasureCode, StringComparer.Ordinal).Select(g =>
        {
            var points = g.ToList();
            var latest = points[^1];
            var spc = Analyse(points, polarities.GetValueOrDefault(g.Key, Polarity.Neutral));
            var last = spc?.Points.TakeLast(ChartPoints).ToList() ?? [];
            return new MeasurePicture
            {
                MeasureCode = g.Key, Geography = "london", LatestPeriod = latest.PeriodStart.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                LatestValue = latest.Value, Points = points.Count, Variation = spc?.Variation.ToString(),
                Chart = [.. last.Select(p => new ChartPoint(p.Period, p.Value, p.Variation.ToString()))],
                Mean = last.LastOrDefault()?.Mean, LowerProcessLimit = last.LastOrDefault()?.LowerProcessLimit, UpperProcessLimit = last.LastOrDefault()?.UpperProcessLimit,
            };
        }).ToList();
        return (objectives, measures);
    }

    /// <summary>Each objective's update for the quarter as the strand submitted it (latest revision), from the Board's copy.</summary>
    public async Task<IReadOnlyDictionary<Guid, BoardUpdateRow>> UpdatesAsync(string quarter, CancellationToken cancellationToken) =>
        (await db.Database.SqlQueryRaw<BoardUpdateRow>(
            """
            SELECT objective_id AS "ObjectiveId", revision AS "Revision", carried_forward AS "CarriedForward", rag AS "Rag",
                   percent_complete AS "PercentComplete", narrative AS "Narrative", submitted_by AS "SubmittedBy", submitted_at AS "SubmittedAt"
            FROM board.objective_updates WHERE quarter = {0}
            """, quarter).ToListAsync(cancellationToken)).ToDictionary(u => u.ObjectiveId);

    private static Polarity PolarityOf(string polarity) => polarity switch
    {
        "lower-is-better" => Polarity.LowerIsBetter,
        "higher-is-better" => Polarity.HigherIsBetter,
        _ => Polarity.Neutral,
    };

    /// <summary>How many months of each chart the record keeps for the pack.</summary>
    private const int ChartPoints = 24;

    private static SpcResult? Analyse(List<BoardObservationRow> points, Polarity polarity)
    {
        if (points.Count < 2)
        {
            return null;
        }

        var series = points.Select(p => new SpcPoint(p.PeriodStart.ToString("yyyy-MM", CultureInfo.InvariantCulture), (double)p.Value)).ToList();
        return XmrChart.Analyse(series, new SpcOptions { Polarity = polarity });
    }
}

public sealed record BoardObjectiveRow(Guid ObjectiveId, string StrandId, string Text, string Status, string? Rag, int PercentComplete, long Revision);

public sealed record BoardObservationRow(string MeasureCode, DateOnly PeriodStart, decimal Value);

public sealed record BoardPolarityRow(string MeasureCode, string Polarity);

public sealed record BoardUpdateRow(Guid ObjectiveId, int Revision, bool CarriedForward, string? Rag, int PercentComplete, string Narrative, string SubmittedBy, DateTimeOffset SubmittedAt);
