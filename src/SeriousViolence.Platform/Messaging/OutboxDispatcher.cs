using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using SeriousViolence.Plugins;

namespace SeriousViolence.Platform.Messaging;

public sealed class OutboxOptions
{
    /// <summary>How long one publish may wait for the broker before the message is left for the next attempt.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Poll interval when nothing signalled a commit (another instance may have written the rows).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between attempts while the broker is failing.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    public int BatchSize { get; set; } = 100;
}

/// <summary>
/// Publishes outbox rows in commit order. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so several host instances
/// can run dispatchers against one database without publishing a row twice in the normal case. A row is marked
/// dispatched only after the broker confirmed it; if the broker is down the row stays and is retried with back-off.
/// If the broker took a message but the mark was lost (a crash between the two), the message is published again and
/// the consumer's inbox drops the duplicate: delivery is at least once, the effect exactly once.
/// </summary>
public sealed class OutboxDispatcher(
    NpgsqlDataSource dataSource,
    IBusControl bus,
    IEnumerable<OutboxTable> tables,
    MessageTypes messageTypes,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly OutboxOptions _options = options.Value;
    private readonly OutboxTable[] _tables = [.. tables.DistinctBy(t => t.Schema)];
    private readonly string[] _types = [.. messageTypes.Names];
    private readonly string[] _modules = [.. messageTypes.Modules];
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private DateTimeOffset _lastHeldCheck = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Publishing before the receive endpoints have bound their queues would hand a message to an exchange with no
        // queue behind it, and RabbitMQ would drop it. So the first publish waits for a healthy bus; after that, a
        // failing broker is handled by retrying rows that were never confirmed.
        while (bus.CheckHealth().Status != BusHealthStatus.Healthy)
        {
            try
            {
                await Task.Delay(200, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = _options.PollInterval;
            try
            {
                var published = 0;
                foreach (var table in _tables)
                {
                    published += await DispatchBatchAsync(table.Schema, stoppingToken);
                }

                await ReportHeldAsync(stoppingToken);

                failures = 0;
                if (published > 0)
                {
                    continue; // drain without waiting
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                failures++;
                wait = TimeSpan.FromMilliseconds(Math.Min(_options.MaxBackoff.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(failures, 10))));
                if (failures == 1 || failures % 10 == 0)
                {
                    logger.LogWarning("Outbox: messages are waiting to be published and will be retried ({Reason})", Describe(ex));
                }
            }

            try
            {
                await signal.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Publishes one batch from one schema; returns how many were published. Throws when the broker fails.</summary>
    public async Task<int> DispatchBatchAsync(string schema, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var pending = new List<(Guid Id, string Type, string Body, string? Source)>();
        await using (var select = new NpgsqlCommand(
            $"""
            SELECT id, message_type, body::text, source_module FROM "{schema}".{Outbox.Table}
            WHERE dispatched_at IS NULL AND {Publishable}
            ORDER BY seq LIMIT {_options.BatchSize} FOR UPDATE SKIP LOCKED
            """,
            connection,
            transaction))
        {
            select.Parameters.Add(new NpgsqlParameter("types", _types));
            select.Parameters.Add(new NpgsqlParameter("modules", _modules));
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                pending.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
        }

        if (pending.Count == 0)
        {
            return 0;
        }

        var published = new List<Guid>(pending.Count);
        Exception? failure = null;
        foreach (var (id, typeName, body, source) in pending)
        {
            try
            {
                // The query selected only registered types; resolve again so that nothing else is ever instantiated.
                if (!messageTypes.TryResolve(typeName, out var messageType))
                {
                    throw new InvalidOperationException($"Outbox message type '{typeName}' is not registered by a loaded module.");
                }

                var message = System.Text.Json.JsonSerializer.Deserialize(body, messageType, Outbox.Json)!;
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_options.PublishTimeout);
                await bus.Publish(message, messageType, Pipe.Execute<PublishContext>(ctx =>
                {
                    ctx.MessageId = id;
                    ctx.Headers.Set(SourceModuleHeader, source ?? schema);
                }), timeout.Token);
                published.Add(id);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                failure = ex;
                await using var note = new NpgsqlCommand(
                    $"UPDATE \"{schema}\".{Outbox.Table} SET attempts = attempts + 1, last_error = $2 WHERE id = $1",
                    connection,
                    transaction);
                note.Parameters.Add(new NpgsqlParameter { Value = id });
                note.Parameters.Add(new NpgsqlParameter { Value = Describe(ex) });
                await note.ExecuteNonQueryAsync(cancellationToken);
                break; // keep commit order: nothing after a failed message goes first
            }
        }

        if (published.Count > 0)
        {
            await using var mark = new NpgsqlCommand(
                $"UPDATE \"{schema}\".{Outbox.Table} SET dispatched_at = $2 WHERE id = ANY($1)",
                connection,
                transaction);
            mark.Parameters.Add(new NpgsqlParameter { Value = published.ToArray() });
            mark.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return failure is null ? published.Count : throw new OutboxPublishException(schema, published.Count, failure);
    }

    /// <summary>The header that names the module a message was published for (a strand plugin, or the core schema).</summary>
    public const string SourceModuleHeader = "SV-Source-Module";

    // A row is published only if a loaded module registered its type and, when it names a source module, that module is loaded.
    private const string Publishable = "message_type = ANY(@types) AND (source_module IS NULL OR source_module = ANY(@modules))";

    /// <summary>
    /// Rows the dispatcher will not publish (a type no loaded module registered, or a strand that left the
    /// configuration) stay in the outbox, unread; each kind is reported once per process, checked once a minute.
    /// </summary>
    private async Task ReportHeldAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now - _lastHeldCheck < TimeSpan.FromMinutes(1))
        {
            return;
        }

        _lastHeldCheck = now;
        foreach (var (held, count) in await HeldAsync(cancellationToken))
        {
            if (_reported.Add(held))
            {
                logger.LogWarning("Outbox: {Count} message(s) held and not published: {Held}", count, held);
            }
        }
    }

    /// <summary>What is held in every outbox and why: "plans: SeriousViolence.Contracts.X from module Y (module not loaded)".</summary>
    public async Task<IReadOnlyList<(string Held, long Count)>> HeldAsync(CancellationToken cancellationToken)
    {
        var held = new List<(string, long)>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var table in _tables)
        {
            await using var command = new NpgsqlCommand(
                $"""
                SELECT message_type, source_module, count(*) FROM "{table.Schema}".{Outbox.Table}
                WHERE dispatched_at IS NULL AND NOT ({Publishable}) GROUP BY message_type, source_module
                """,
                connection);
            command.Parameters.Add(new NpgsqlParameter("types", _types));
            command.Parameters.Add(new NpgsqlParameter("modules", _modules));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var type = reader.GetString(0);
                var source = reader.IsDBNull(1) ? null : reader.GetString(1);
                var why = !_types.Contains(type, StringComparer.Ordinal) ? "type not registered by a loaded module" : $"module {source} not loaded";
                held.Add(($"{table.Schema}: {type}{(source is null ? "" : $" from {source}")} ({why})", reader.GetInt64(2)));
            }
        }

        return held;
    }

    private static string Describe(Exception ex) =>
        ex is OutboxPublishException o ? o.Message : $"{ex.GetType().Name}: {ex.Message}";
}

public sealed class OutboxPublishException : Exception
{
    public OutboxPublishException(string schema, int publishedBeforeFailure, Exception innerException)
        : base($"publishing from {schema} failed after {publishedBeforeFailure} message(s): {innerException.GetType().Name}: {innerException.Message}", innerException)
    {
    }

    public OutboxPublishException()
    {
    }

    public OutboxPublishException(string message)
        : base(message)
    {
    }

    public OutboxPublishException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
