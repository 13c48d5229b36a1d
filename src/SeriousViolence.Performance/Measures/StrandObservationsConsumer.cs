using MassTransit;
using Microsoft.Extensions.Logging;
using Npgsql;
using SeriousViolence.Abstractions;
using SeriousViolence.Contracts;
using SeriousViolence.Platform.Messaging;

namespace SeriousViolence.Performance.Measures;

/// <summary>
/// Stores the observations a strand publishes from its own records (<c>MeasureObservationsRecorded</c> from the
/// strand's outbox), so that Performance charts them like imported ones. Accepted only from the module that owns the
/// measure (the <c>SV-Source-Module</c> header the dispatcher sets): a strand cannot feed another strand's measure.
/// Performance's own messages about imports carry the owner's module too; they change nothing here because the
/// observation is already held at that revision: an observation is written only when the incoming revision is newer
/// than the stored one, and the value it replaces is kept in <c>observation_revisions</c>. Idempotent by message id
/// (<c>performance.processed_messages</c>, in the same transaction). Never republishes: the Board hears the strand's
/// message itself.
/// </summary>
public sealed partial class StrandObservationsConsumer(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<StrandObservationsConsumer> logger)
    : IConsumer<MeasureObservationsRecorded>
{
    private static readonly HashSet<string> PeriodKinds = new(["month", "quarter", "year"], StringComparer.Ordinal);

    // The incoming observations, one row each, matched to the stored ones by period and place.
    private const string Incoming =
        "unnest(@kinds, @starts, @values, @numerators, @denominators, @revisions) AS t(k, s, v, n, d, r)";

    private const string Match = "o.measure_code = @measure AND o.geography = @geography AND o.period_kind = t.k AND o.period_start = t.s";

    public async Task Consume(ConsumeContext<MeasureObservationsRecorded> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{nameof(StrandObservationsConsumer)} needs a MessageId to stay idempotent.");
        var sourceModule = context.Headers.Get<string>(OutboxDispatcher.SourceModuleHeader);
        var ct = context.CancellationToken;
        var now = clock.GetUtcNow();

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var inbox = new NpgsqlCommand(
            "INSERT INTO performance.processed_messages (message_id, consumer, processed_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", connection, transaction))
        {
            inbox.Parameters.Add(new NpgsqlParameter { Value = messageId });
            inbox.Parameters.Add(new NpgsqlParameter { Value = nameof(StrandObservationsConsumer) });
            inbox.Parameters.Add(new NpgsqlParameter { Value = now });
            if (await inbox.ExecuteNonQueryAsync(ct) == 0)
            {
                return; // a redelivery
            }
        }

        string? owner = null;
        await using (var measure = new NpgsqlCommand("SELECT owner_module FROM performance.measures WHERE code = $1 AND declared", connection, transaction))
        {
            measure.Parameters.Add(new NpgsqlParameter { Value = m.MeasureCode });
            owner = await measure.ExecuteScalarAsync(ct) as string;
        }

        if (owner is null || !string.Equals(owner, sourceModule, StringComparison.Ordinal))
        {
            // Recorded as processed, so that a redelivery is not weighed again.
            LogRefused(logger, m.MeasureCode, sourceModule ?? "(no module)", owner ?? "no configured strand");
            await transaction.CommitAsync(ct);
            return;
        }

        var observations = m.Observations
            .Where(o => PeriodKinds.Contains(o.PeriodKind) && KnownPlace(m.Geography))
            .GroupBy(o => (o.PeriodKind, o.PeriodStart))
            .Select(g => g.MaxBy(o => o.Revision)!)
            .ToList();
        if (observations.Count < m.Observations.Count)
        {
            LogSkipped(logger, m.Observations.Count - observations.Count, m.MeasureCode, m.Geography, sourceModule!);
        }

        var sql = $"""
            INSERT INTO performance.observation_revisions
                (measure_code, period_start, period_kind, geography, revision, value, numerator, denominator, source, batch_id, recorded_at, superseded_at)
            SELECT o.measure_code, o.period_start, o.period_kind, o.geography, o.revision, o.value, o.numerator, o.denominator, o.source, o.batch_id, o.recorded_at, @now
            FROM performance.observations o JOIN {Incoming} ON {Match} WHERE t.r > o.revision;

            UPDATE performance.observations o
            SET value = t.v, numerator = t.n, denominator = t.d, source = @source, batch_id = NULL, revision = t.r, recorded_at = @now
            FROM {Incoming} WHERE {Match} AND t.r > o.revision;

            INSERT INTO performance.observations
                (measure_code, period_start, period_kind, geography, value, numerator, denominator, source, batch_id, revision, recorded_at)
            SELECT @measure, t.s, t.k, @geography, t.v, t.n, t.d, @source, NULL, t.r, @now
            FROM {Incoming}
            WHERE NOT EXISTS (SELECT 1 FROM performance.observations o WHERE {Match});
            """;
        await using (var merge = new NpgsqlCommand(sql, connection, transaction))
        {
            merge.Parameters.AddWithValue("measure", m.MeasureCode);
            merge.Parameters.AddWithValue("geography", m.Geography);
            merge.Parameters.AddWithValue("source", "strand:" + sourceModule);
            merge.Parameters.AddWithValue("now", now);
            merge.Parameters.AddWithValue("kinds", observations.Select(o => o.PeriodKind).ToArray());
            merge.Parameters.AddWithValue("starts", observations.Select(o => o.PeriodStart).ToArray());
            merge.Parameters.AddWithValue("values", observations.Select(o => o.Value).ToArray());
            merge.Parameters.AddWithValue("numerators", observations.Select(o => o.Numerator).ToArray());
            merge.Parameters.AddWithValue("denominators", observations.Select(o => o.Denominator).ToArray());
            merge.Parameters.AddWithValue("revisions", observations.Select(o => o.Revision).ToArray());
            await merge.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>The places Performance charts: London, a borough (ONS E09...) or a ward (E05...).</summary>
    private static bool KnownPlace(string geography) =>
        geography == Geographies.London || Geographies.Boroughs.ContainsKey(geography) || (geography.Length == 9 && geography.StartsWith("E05", StringComparison.Ordinal));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Observations of '{Measure}' from {Source} were not stored: the measure belongs to {Owner}; a strand feeds only its own measures.")]
    private static partial void LogRefused(ILogger logger, string measure, string source, string owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} observations of '{Measure}' for '{Geography}' from {Source} were not stored: unknown period kind or place.")]
    private static partial void LogSkipped(ILogger logger, int count, string measure, string geography, string source);
}
