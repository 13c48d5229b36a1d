using System.Globalization;
using SeriousViolence.Abstractions;
using SeriousViolence.Performance.Spc;

namespace SeriousViolence.Governance.Snapshots;

/// <summary>
/// The Board's picture as Governance records it at a quarter's lock: the objectives and submitted updates as the Board
/// holds them and each measure's London monthly chart with its SPC reading. The Board answers through its query
/// service (<see cref="IBoardReadModel"/>); the SPC reading and what the record keeps of it are Governance's own.
/// </summary>
public sealed class BoardReadModelSource(IBoardReadModel board)
{
    public async Task<(IReadOnlyList<BoardObjectiveReading> Objectives, IReadOnlyList<MeasurePicture> Measures)> ReadAsync(CancellationToken cancellationToken)
    {
        var objectives = await board.ObjectivesAsync(cancellationToken);
        var series = await board.LondonMonthlySeriesAsync(cancellationToken);
        var measures = series.Where(s => s.Points.Count > 0).Select(s =>
        {
            var latest = s.Points[^1];
            var spc = Analyse(s.Points, PolarityOf(s.Polarity));
            var last = spc?.Points.TakeLast(ChartPoints).ToList() ?? [];
            return new MeasurePicture
            {
                MeasureCode = s.MeasureCode, Geography = Geographies.London, LatestPeriod = latest.PeriodStart.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                LatestValue = latest.Value, Points = s.Points.Count, Variation = spc?.Variation.ToString(),
                Chart = [.. last.Select(p => new ChartPoint(p.Period, p.Value, p.Variation.ToString()))],
                Mean = last.LastOrDefault()?.Mean, LowerProcessLimit = last.LastOrDefault()?.LowerProcessLimit, UpperProcessLimit = last.LastOrDefault()?.UpperProcessLimit,
            };
        }).ToList();
        return (objectives, measures);
    }

    /// <summary>Each objective's update for the quarter as the strand submitted it (latest revision), from the Board's copy.</summary>
    public async Task<IReadOnlyDictionary<Guid, BoardObjectiveUpdateReading>> UpdatesAsync(string quarter, CancellationToken cancellationToken) =>
        (await board.SubmittedUpdatesAsync(quarter, cancellationToken)).ToDictionary(u => u.ObjectiveId);

    private static Polarity PolarityOf(string? polarity) => polarity switch
    {
        "lower-is-better" => Polarity.LowerIsBetter,
        "higher-is-better" => Polarity.HigherIsBetter,
        _ => Polarity.Neutral,
    };

    /// <summary>How many months of each chart the record keeps for the pack.</summary>
    private const int ChartPoints = 24;

    private static SpcResult? Analyse(IReadOnlyList<BoardObservationReading> points, Polarity polarity)
    {
        if (points.Count < 2)
        {
            return null;
        }

        var series = points.Select(p => new SpcPoint(p.PeriodStart.ToString("yyyy-MM", CultureInfo.InvariantCulture), (double)p.Value)).ToList();
        return XmrChart.Analyse(series, new SpcOptions { Polarity = polarity });
    }
}
