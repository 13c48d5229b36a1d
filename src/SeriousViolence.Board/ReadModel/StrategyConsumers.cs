using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using SeriousViolence.Contracts;

namespace SeriousViolence.Board.ReadModel;

/// <summary>Keeps the strategy's shared content at its newest revision. Idempotent; an older revision changes nothing.</summary>
public sealed class StrategyAnnouncedConsumer(BoardDbContext db, BoardNotifier notifier, TimeProvider clock) : IConsumer<StrategyAnnounced>
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task Consume(ConsumeContext<StrategyAnnounced> context)
    {
        var m = context.Message;
        await BoardInbox.ApplyOnceAsync(db, notifier, context, nameof(StrategyAnnouncedConsumer), clock.GetUtcNow(), async () =>
        {
            var row = await db.Strategy.FromSqlRaw("SELECT * FROM board.strategy WHERE id = 1 FOR UPDATE").SingleOrDefaultAsync(context.CancellationToken);
            if (row is not null && m.Revision <= row.Revision)
            {
                return false;
            }

            if (row is null)
            {
                row = new BoardStrategy { Content = "{}" };
                db.Strategy.Add(row);
            }

            row.Revision = m.Revision;
            row.OccurredAt = m.OccurredAt;
            // Stored without the time, so a re-announcement of the same content leaves an identical row.
            row.Content = JsonSerializer.Serialize(m with { OccurredAt = default }, Json);
            return true;
        });
    }
}

/// <summary>Keeps each measure's definition at its newest revision. Idempotent; an older revision changes nothing.</summary>
public sealed class MeasureDefinedConsumer(BoardDbContext db, BoardNotifier notifier, TimeProvider clock) : IConsumer<MeasureDefined>
{
    public async Task Consume(ConsumeContext<MeasureDefined> context)
    {
        var m = context.Message;
        await BoardInbox.ApplyOnceAsync(db, notifier, context, nameof(MeasureDefinedConsumer), clock.GetUtcNow(), async () =>
        {
            var row = await db.Measures.FromSqlRaw("SELECT * FROM board.measures WHERE measure_code = {0} FOR UPDATE", m.MeasureCode)
                .SingleOrDefaultAsync(context.CancellationToken);
            if (row is not null && m.Revision <= row.Revision)
            {
                return false;
            }

            if (row is null)
            {
                row = new BoardMeasure { MeasureCode = m.MeasureCode, Name = m.Name, Unit = m.Unit, Polarity = m.Polarity, Frequency = m.Frequency };
                db.Measures.Add(row);
            }

            row.Revision = m.Revision;
            row.OccurredAt = m.OccurredAt;
            row.Name = m.Name;
            row.Unit = m.Unit;
            row.Polarity = m.Polarity;
            row.Frequency = m.Frequency;
            row.TargetValue = m.TargetValue;
            row.TargetText = m.TargetText;
            row.KeyOutcomes = [.. m.KeyOutcomes];
            row.StrandIds = [.. m.StrandIds];
            row.OwnerStrand = m.OwnerStrandId;
            row.Proxy = m.Proxy;
            return true;
        });
    }
}
