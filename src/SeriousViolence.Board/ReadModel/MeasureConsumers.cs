using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SeriousViolence.Plugins;
using SeriousViolence.Contracts;
using SeriousViolence.Platform.Messaging;

namespace SeriousViolence.Board.ReadModel;

/// <summary>
/// Keeps the Board's copy of each observation at its newest revision. Idempotent (inbox) and tolerant of order: an
/// observation older than the one held is ignored, row by row, in one statement.
/// </summary>
public sealed class MeasureObservationsRecordedConsumer(BoardDbContext db, BoardNotifier notifier, TimeProvider clock) : IConsumer<MeasureObservationsRecorded>
{
    public async Task Consume(ConsumeContext<MeasureObservationsRecorded> context)
    {
        var m = context.Message;
        var now = clock.GetUtcNow();
        await BoardInbox.ApplyOnceAsync(db, notifier, context, nameof(MeasureObservationsRecordedConsumer), now, async () =>
        {
            var o = m.Observations;
            var changed = await db.Database.ExecuteSqlRawAsync(
                """
            INSERT INTO board.measure_observations (measure_code, geography, period_kind, period_start, value, numerator, denominator, revision, received_at)
            SELECT @measure, @geography, k, s, v, n, d, r, @now
            FROM unnest(@kinds, @starts, @values, @numerators, @denominators, @revisions) AS t(k, s, v, n, d, r)
            ON CONFLICT (measure_code, geography, period_kind, period_start) DO UPDATE
            SET value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator, revision = excluded.revision, received_at = excluded.received_at
            WHERE excluded.revision > board.measure_observations.revision
            """,
                [
                    new NpgsqlParameter("measure", m.MeasureCode),
                new NpgsqlParameter("geography", m.Geography),
                new NpgsqlParameter("now", now),
                new NpgsqlParameter("kinds", o.Select(x => x.PeriodKind).ToArray()),
                new NpgsqlParameter("starts", o.Select(x => x.PeriodStart).ToArray()),
                new NpgsqlParameter("values", o.Select(x => x.Value).ToArray()),
                new NpgsqlParameter("numerators", o.Select(x => x.Numerator).ToArray()),
                new NpgsqlParameter("denominators", o.Select(x => x.Denominator).ToArray()),
                new NpgsqlParameter("revisions", o.Select(x => x.Revision).ToArray()),
                ],
                context.CancellationToken);
            return changed > 0;
        });
    }
}
