using Npgsql;
using SeriousViolence.Platform.Messaging;
using SeriousViolence.Platform.Startup;

namespace SeriousViolence.Performance;

/// <summary>
/// Publishes every declared measure's definition (<c>MeasureDefined</c>, naming its owner strand) and, on request,
/// every stored observation of those measures (<c>MeasureObservationsRecorded</c>, one message per measure and
/// geography) again, through the outbox, so the Board can rebuild its picture of the measures from messages alone. Built in SQL, as the import's messages are: a
/// full re-announcement is hundreds of thousands of values.
/// </summary>
public sealed class PerformanceAnnouncer(NpgsqlDataSource dataSource, TimeProvider clock) : IStateAnnouncer
{
    // A definition's revision rises when its declaration changes what is announced (the proxy note). Only measures a loaded plugin
    // declares are announced, each on behalf of its owner's module (the dispatcher holds the row if that module leaves).
    internal const string DefinitionsSql =
        """
        INSERT INTO performance.outbox_messages (id, message_type, body, created_at, source_module)
        SELECT gen_random_uuid(), 'SeriousViolence.Contracts.MeasureDefined',
               jsonb_build_object(
                   'measureCode', m.code, 'revision', m.revision, 'occurredAt', @now, 'name', m.name, 'unit', m.unit, 'polarity', m.polarity,
                   'frequency', m.frequency, 'targetValue', m.target_value, 'targetText', m.target_text,
                   'keyOutcomes', to_jsonb(m.outcomes), 'strandIds', to_jsonb(m.strands), 'ownerStrandId', m.owner_strand,
                   'proxy', m.proxy),
               @now, m.owner_module
        FROM performance.measures m WHERE m.declared ORDER BY m.code
        """;

    private const string ObservationsSql =
        """
        INSERT INTO performance.outbox_messages (id, message_type, body, created_at, source_module)
        SELECT gen_random_uuid(), 'SeriousViolence.Contracts.MeasureObservationsRecorded',
               jsonb_build_object(
                   'measureCode', o.measure_code,
                   'strandIds', to_jsonb(m.strands),
                   'geography', o.geography,
                   'occurredAt', @now,
                   'observations', jsonb_agg(jsonb_build_object(
                       'periodStart', o.period_start, 'periodKind', o.period_kind, 'value', o.value,
                       'numerator', o.numerator, 'denominator', o.denominator, 'revision', o.revision) ORDER BY o.period_start)),
               @now, m.owner_module
        FROM performance.observations o JOIN performance.measures m ON m.code = o.measure_code
        WHERE m.declared
        GROUP BY o.measure_code, o.geography, m.strands, m.owner_module
        ORDER BY o.measure_code, o.geography
        """;

    public string What => "measures";

    public async Task<int> AnnounceAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var measures = await ExecuteAsync(connection, transaction, DefinitionsSql, now, cancellationToken);
        await ExecuteAsync(connection, transaction, ObservationsSql, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return measures;
    }

    /// <summary>At start-up the definitions only: observations reach the Board as they are recorded.</summary>
    public async Task AnnounceDefinitionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, DefinitionsSql, clock.GetUtcNow(), cancellationToken);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>After seeding, tells the Board what every measure is.</summary>
public sealed class PerformanceStartup(PerformanceAnnouncer announcer) : IStartupTask
{
    public Task RunAsync(CancellationToken cancellationToken) => announcer.AnnounceDefinitionsAsync(cancellationToken);
}
