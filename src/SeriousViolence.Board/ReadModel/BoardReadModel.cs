using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;

namespace SeriousViolence.Board.ReadModel;

/// <summary>
/// The Board's answer to <see cref="IBoardReadModel"/>: what Governance records of the Board at a quarter's lock or on a
/// meeting's agenda. Plain reads of schema <c>board</c>; the orderings are the database's, as the record has always had them.
/// </summary>
internal sealed class BoardReadModel(BoardDbContext db) : IBoardReadModel
{
    private const string Month = "month";

    public async Task<IReadOnlyList<BoardObjectiveReading>> ObjectivesAsync(CancellationToken cancellationToken) =>
        await db.Objectives.AsNoTracking()
            .OrderBy(o => o.StrandId).ThenBy(o => o.Text)
            .Select(o => new BoardObjectiveReading(o.ObjectiveId, o.StrandId, o.Text, o.Status, o.Rag, o.PercentComplete, o.Revision))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<BoardMeasureSeries>> LondonMonthlySeriesAsync(CancellationToken cancellationToken)
    {
        var polarities = await db.Measures.AsNoTracking().ToDictionaryAsync(m => m.MeasureCode, m => m.Polarity, StringComparer.Ordinal, cancellationToken);
        var observations = await db.Observations.AsNoTracking()
            .Where(o => o.Geography == Geographies.London && o.PeriodKind == Month)
            .OrderBy(o => o.MeasureCode).ThenBy(o => o.PeriodStart)
            .Select(o => new { o.MeasureCode, o.PeriodStart, o.Value })
            .ToListAsync(cancellationToken);
        return [.. observations.GroupBy(o => o.MeasureCode, StringComparer.Ordinal).Select(g => new BoardMeasureSeries(
            g.Key, polarities.GetValueOrDefault(g.Key), [.. g.Select(o => new BoardObservationReading(o.PeriodStart, o.Value))]))];
    }

    public async Task<IReadOnlyList<BoardObjectiveUpdateReading>> SubmittedUpdatesAsync(string quarter, CancellationToken cancellationToken) =>
        await db.ObjectiveUpdates.AsNoTracking()
            .Where(u => u.Quarter == quarter)
            .Select(u => new BoardObjectiveUpdateReading(u.ObjectiveId, u.Revision, u.CarriedForward, u.Rag, u.PercentComplete, u.Narrative, u.SubmittedBy, u.SubmittedAt))
            .ToListAsync(cancellationToken);
}
