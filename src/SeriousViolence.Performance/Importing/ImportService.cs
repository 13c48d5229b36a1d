using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using SeriousViolence.Abstractions;
using SeriousViolence.Platform.Audit;

namespace SeriousViolence.Performance.Importing;

/// <summary>Progress of a running import, for a progress bar.</summary>
public sealed record ImportProgress(string Stage, int RowsRead);

/// <summary>
/// Imports one file: reads and validates every row; if any row is wrong the file is rejected whole with a report and
/// nothing is written. Otherwise, in one transaction, the observations are COPYed into a staging table and merged:
/// new ones inserted, changed ones updated to the next revision with the earlier value kept in
/// <c>observation_revisions</c>, unchanged ones left alone. The batch and its report are recorded either way.
/// </summary>
public sealed class ImportService(NpgsqlDataSource dataSource, TimeProvider clock, AuditTrail audit, ILogger<ImportService> logger, PluginImporters? importers = null)
{
    public async Task<ImportReport> ImportAsync(Actor actor, string fileName, Stream content, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        AccessPolicy.Ensure(actor, Capability.ImportData);
        var batchId = Guid.CreateVersion7(clock.GetUtcNow());
        await StartBatchAsync(batchId, fileName, actor, cancellationToken);

        try
        {
            progress?.Report(new ImportProgress("Reading and checking every row", 0));
            var mappings = await MappingsAsync(cancellationToken);
            ParseResult parsed;
            using (var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            {
                parsed = ImportParser.Parse(reader, mappings, importers?.All);
            }

            if (parsed.ErrorCount == 0)
            {
                await RefuseUndeclaredAsync(parsed, cancellationToken);
            }

            progress?.Report(new ImportProgress("Checked", parsed.RowsRead));
            if (parsed.ErrorCount > 0)
            {
                var rejected = new ImportReport
                {
                    BatchId = batchId, FileName = fileName, Format = parsed.Format, Accepted = false, RowsRead = parsed.RowsRead,
                    Errors = parsed.Errors, ErrorCount = parsed.ErrorCount, Notes = [.. parsed.Notes],
                };
                await FinishAsync(actor, batchId, "rejected", rejected, cancellationToken);
                return rejected;
            }

            progress?.Report(new ImportProgress("Writing", parsed.RowsRead));
            var (written, revised, unchanged) = await WriteAsync(batchId, fileName, parsed, cancellationToken);
            var report = new ImportReport
            {
                BatchId = batchId, FileName = fileName, Format = parsed.Format, Accepted = true, RowsRead = parsed.RowsRead,
                ObservationsWritten = written, ObservationsRevised = revised, ObservationsUnchanged = unchanged, Notes = [.. parsed.Notes],
            };
            await FinishAsync(actor, batchId, "succeeded", report, cancellationToken);
            progress?.Report(new ImportProgress("Done", parsed.RowsRead));
            logger.LogInformation("Imported {File} ({Format}): {Written} new, {Revised} revised, {Unchanged} unchanged", fileName, parsed.Format, written, revised, unchanged);
            return report;
        }
        catch (OperationCanceledException)
        {
            // Nothing was committed (the write is one transaction); say so rather than leave the batch "running".
            var cancelled = new ImportReport
            {
                BatchId = batchId, FileName = fileName, Accepted = false,
                Errors = [new ImportError(0, "(file)", "The import was cancelled before it finished; nothing was written.")], ErrorCount = 1,
            };
            await FinishAsync(actor, batchId, "failed", cancelled, CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            var failed = new ImportReport
            {
                BatchId = batchId, FileName = fileName, Accepted = false,
                Errors = [new ImportError(0, "(file)", $"The import failed and wrote nothing: {ex.GetType().Name}: {ex.Message}")], ErrorCount = 1,
            };
            await FinishAsync(actor, batchId, "failed", failed, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Records observations a partner system submits for one measure: every one is validated first (the measure
    /// exists, periods match its frequency, places are known, rates carry numerator and denominator that agree with
    /// the value); any error rejects them all. Then the same merge as a file import: revisions kept, Board told.
    /// </summary>
    public async Task<ImportReport> RecordAsync(Actor actor, string measureCode, IReadOnlyList<ObservationInput> inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        await EnsureMayRecordAsync(actor, measureCode, cancellationToken);
        var source = $"api:{measureCode}";
        var batchId = Guid.CreateVersion7(clock.GetUtcNow());
        await StartBatchAsync(batchId, source, actor, cancellationToken);

        var parsed = new ParseResult { Format = "api-observations", RowsRead = inputs.Count };
        string? unit = null;
        string? frequency = null;
        await using (var measure = dataSource.CreateCommand("SELECT unit, frequency FROM performance.measures WHERE code = $1"))
        {
            measure.Parameters.Add(new NpgsqlParameter { Value = measureCode });
            await using var r = await measure.ExecuteReaderAsync(cancellationToken);
            if (await r.ReadAsync(cancellationToken))
            {
                unit = r.GetString(0);
                frequency = r.GetString(1);
            }
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        await using (var places = dataSource.CreateCommand("SELECT code FROM performance.geographies WHERE kind IN ('london', 'borough', 'ward')"))
        await using (var r = await places.ExecuteReaderAsync(cancellationToken))
        {
            while (await r.ReadAsync(cancellationToken))
            {
                known.Add(r.GetString(0));
            }
        }

        if (unit is null)
        {
            parsed.Error(0, "measure", $"'{measureCode}' is not a measure; GET /api/measures lists them.");
        }
        else if (await UndeclaredAsync([measureCode], cancellationToken) is [var (_, reason)])
        {
            parsed.Error(0, "measure", reason);
            unit = null;
        }
        else if (inputs.Count == 0)
        {
            parsed.Error(0, "(body)", "No observations were sent.");
        }

        for (var i = 0; unit is not null && i < inputs.Count; i++)
        {
            var item = inputs[i];
            var line = i + 1;
            var (kind, startDate, periodError) = ObservationInput.ParsePeriod(item.Period, frequency!);
            if (periodError is not null)
            {
                parsed.Error(line, "period", periodError);
            }

            if (string.IsNullOrEmpty(item.Geography) || !known.Contains(item.Geography))
            {
                parsed.Error(line, "geography", $"'{item.Geography}' is not 'london', a borough's GSS code (E09...) or a ward code this platform knows.");
            }

            if (item.Value < 0 || (unit == "percentage" && item.Value > 100))
            {
                parsed.Error(line, "value", unit == "percentage" ? "A percentage is between 0 and 100." : "A value cannot be negative.");
            }

            if (unit is "percentage" or "rate-per-1000")
            {
                if (item.Numerator is not { } n || item.Denominator is not { } d || d <= 0 || n < 0)
                {
                    parsed.Error(line, "numerator", "A rate needs its numerator and a positive denominator.");
                }
                else
                {
                    var expected = unit == "percentage" ? 100m * n / d : 1000m * n / d;
                    if (Math.Abs(expected - item.Value) > 0.05m)
                    {
                        parsed.Error(line, "value", $"The value {item.Value} does not agree with numerator/denominator ({expected:0.##}).");
                    }
                }
            }

            if (periodError is null && !string.IsNullOrEmpty(item.Geography))
            {
                var key = new ObservationKey(measureCode, kind, startDate, item.Geography);
                if (parsed.Observations.ContainsKey(key))
                {
                    parsed.Error(line, "period", $"{item.Period} for {item.Geography} is sent twice.");
                }

                parsed.Observations[key] = new Accumulator { Value = item.Value, Numerator = item.Numerator, Denominator = item.Denominator };
            }
        }

        if (parsed.ErrorCount > 0)
        {
            var rejected = new ImportReport
            {
                BatchId = batchId, FileName = source, Format = parsed.Format, Accepted = false, RowsRead = parsed.RowsRead, Errors = parsed.Errors, ErrorCount = parsed.ErrorCount,
            };
            await FinishAsync(actor, batchId, "rejected", rejected, cancellationToken);
            return rejected;
        }

        var (written, revised, unchanged) = await WriteAsync(batchId, source, parsed, cancellationToken);
        var report = new ImportReport
        {
            BatchId = batchId, FileName = source, Format = parsed.Format, Accepted = true, RowsRead = parsed.RowsRead,
            ObservationsWritten = written, ObservationsRevised = revised, ObservationsUnchanged = unchanged,
        };
        await FinishAsync(actor, batchId, "succeeded", report, cancellationToken);
        return report;
    }

    /// <summary>Analysts may record any measure; a strand lead only a measure of their strand (and a token only its measures).</summary>
    private async Task EnsureMayRecordAsync(Actor actor, string measureCode, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT strands FROM performance.measures WHERE code = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = measureCode });
        var strands = await command.ExecuteScalarAsync(cancellationToken) as string[] ?? [];
        AccessPolicy.EnsureMayRecord(actor, measureCode, strands);
    }

    /// <summary>Rejects a file that would record a measure no configured strand declares (or no measure at all).</summary>
    private async Task RefuseUndeclaredAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        foreach (var (_, reason) in await UndeclaredAsync(parsed.Observations.Keys.Select(k => k.Measure).Distinct(StringComparer.Ordinal).ToArray(), cancellationToken))
        {
            parsed.Error(0, "(file)", reason + " Nothing was written.");
        }
    }

    /// <summary>
    /// The codes among <paramref name="codes"/> that may not be recorded, each with the reason: not a measure, or a
    /// measure whose strand is not configured (its plugin is not loaded, so nothing declares it; its history is kept).
    /// </summary>
    private async Task<List<(string Code, string Reason)>> UndeclaredAsync(string[] codes, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, (bool Declared, string? Owner)>(StringComparer.Ordinal);
        await using (var command = dataSource.CreateCommand("SELECT code, declared, owner_strand FROM performance.measures WHERE code = ANY($1)"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = codes });
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                found[r.GetString(0)] = (r.GetBoolean(1), r.IsDBNull(2) ? null : r.GetString(2));
            }
        }

        var refused = new List<(string, string)>();
        foreach (var code in codes.Order(StringComparer.Ordinal))
        {
            if (!found.TryGetValue(code, out var m))
            {
                refused.Add((code, $"'{code}' is not a measure any configured strand declares; GET /api/measures lists them."));
            }
            else if (!m.Declared)
            {
                refused.Add((code, $"The measure '{code}' belongs to {(m.Owner is null ? "a strand" : $"the strand '{m.Owner}'")}, which is not configured on this platform: it cannot be recorded (its history is kept)."));
            }
        }

        return refused;
    }

    /// <summary>Records the batch as running before any work, so that a crash or a cancellation leaves a trace.</summary>
    private async Task StartBatchAsync(Guid batchId, string name, Actor actor, CancellationToken cancellationToken)
    {
        await using var start = dataSource.CreateCommand(
            "INSERT INTO performance.import_batches (id, file_name, status, started_at, started_by) VALUES ($1, $2, 'running', $3, $4)");
        start.Parameters.Add(new NpgsqlParameter { Value = batchId });
        start.Parameters.Add(new NpgsqlParameter { Value = name });
        start.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
        start.Parameters.Add(new NpgsqlParameter { Value = actor.DisplayName });
        await start.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<CategoryMapping>> MappingsAsync(CancellationToken cancellationToken)
    {
        var list = new List<CategoryMapping>();
        // Categories feed only measures a configured strand declares; the others wait, unread, for their strand's return.
        await using var command = dataSource.CreateCommand(
            "SELECT c.family, c.major, c.minor, c.measure_code FROM performance.category_mappings c JOIN performance.measures m ON m.code = c.measure_code WHERE m.declared");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new CategoryMapping(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return list;
    }

    private async Task<(int Written, int Revised, int Unchanged)> WriteAsync(Guid batchId, string source, ParseResult parsed, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        foreach (var (code, (name, borough)) in parsed.Wards)
        {
            await using var ward = new NpgsqlCommand(
                "INSERT INTO performance.geographies (code, name, kind, parent) VALUES ($1, $2, 'ward', $3) ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent = excluded.parent",
                connection, transaction);
            ward.Parameters.Add(new NpgsqlParameter { Value = code });
            ward.Parameters.Add(new NpgsqlParameter { Value = name });
            ward.Parameters.Add(new NpgsqlParameter { Value = (object?)borough ?? DBNull.Value });
            await ward.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var create = new NpgsqlCommand(
            """
            CREATE TEMP TABLE staging (
                measure_code text, period_kind text, period_start date, geography text, value numeric, numerator numeric, denominator numeric
            ) ON COMMIT DROP
            """, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY staging (measure_code, period_kind, period_start, geography, value, numerator, denominator) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (key, a) in parsed.Observations)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(key.Measure, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(Kind(key.Kind), NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(key.PeriodStart, NpgsqlDbType.Date, cancellationToken);
                await copy.WriteAsync(key.Geography, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(a.Value, NpgsqlDbType.Numeric, cancellationToken);
                await WriteNullableAsync(copy, a.Numerator, cancellationToken);
                await WriteNullableAsync(copy, a.Denominator, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        // Which staged rows are new or different, before the merge changes what "different" means.
        await using (var mark = new NpgsqlCommand(
            """
            ALTER TABLE staging ADD COLUMN changed boolean;
            UPDATE staging s SET changed = NOT EXISTS (
                SELECT 1 FROM performance.observations o
                WHERE o.measure_code = s.measure_code AND o.period_kind = s.period_kind AND o.period_start = s.period_start AND o.geography = s.geography
                  AND (o.value, o.numerator, o.denominator) IS NOT DISTINCT FROM (s.value, s.numerator, s.denominator));
            """, connection, transaction))
        {
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }

        const string Match = "o.measure_code = s.measure_code AND o.period_kind = s.period_kind AND o.period_start = s.period_start AND o.geography = s.geography";
        const string Differs = "(o.value, o.numerator, o.denominator) IS DISTINCT FROM (s.value, s.numerator, s.denominator)";
        var sql = $"""
            INSERT INTO performance.observation_revisions
                (measure_code, period_start, period_kind, geography, revision, value, numerator, denominator, source, batch_id, recorded_at, superseded_at)
            SELECT o.measure_code, o.period_start, o.period_kind, o.geography, o.revision, o.value, o.numerator, o.denominator, o.source, o.batch_id, o.recorded_at, @now
            FROM performance.observations o JOIN staging s ON {Match} WHERE {Differs};

            UPDATE performance.observations o
            SET value = s.value, numerator = s.numerator, denominator = s.denominator, source = @source, batch_id = @batch, revision = o.revision + 1, recorded_at = @now
            FROM staging s WHERE {Match} AND {Differs};
            """;
        int revised;
        await using (var merge = new NpgsqlCommand(sql, connection, transaction))
        {
            merge.Parameters.AddWithValue("now", now);
            merge.Parameters.AddWithValue("source", source);
            merge.Parameters.AddWithValue("batch", batchId);
            await using var reader = await merge.ExecuteReaderAsync(cancellationToken);
            revised = reader.RecordsAffected / 2;
        }

        int written;
        await using (var insert = new NpgsqlCommand(
            $"""
            INSERT INTO performance.observations
                (measure_code, period_start, period_kind, geography, value, numerator, denominator, source, batch_id, revision, recorded_at)
            SELECT s.measure_code, s.period_start, s.period_kind, s.geography, s.value, s.numerator, s.denominator, @source, @batch, 1, @now
            FROM staging s WHERE NOT EXISTS (SELECT 1 FROM performance.observations o WHERE {Match})
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("now", now);
            insert.Parameters.AddWithValue("source", source);
            insert.Parameters.AddWithValue("batch", batchId);
            written = await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        // The Board hears of every new or revised observation: one outbox message per measure and geography, written in
        // this same transaction (built in SQL: a release can change hundreds of thousands of values), on behalf of the
        // measure's owner module, so that the dispatcher holds it if that strand leaves the configuration.
        await using (var outbox = new NpgsqlCommand(
            """
            INSERT INTO performance.outbox_messages (id, message_type, body, created_at, source_module)
            SELECT gen_random_uuid(), 'SeriousViolence.Contracts.MeasureObservationsRecorded',
                   jsonb_build_object(
                       'measureCode', s.measure_code,
                       'strandIds', (SELECT to_jsonb(m.strands) FROM performance.measures m WHERE m.code = s.measure_code),
                       'geography', s.geography,
                       'occurredAt', @now,
                       'observations', jsonb_agg(jsonb_build_object(
                           'periodStart', o.period_start, 'periodKind', o.period_kind, 'value', o.value,
                           'numerator', o.numerator, 'denominator', o.denominator, 'revision', o.revision) ORDER BY o.period_start)),
                   @now,
                   (SELECT m.owner_module FROM performance.measures m WHERE m.code = s.measure_code)
            FROM staging s
            JOIN performance.observations o
              ON o.measure_code = s.measure_code AND o.period_kind = s.period_kind AND o.period_start = s.period_start AND o.geography = s.geography
            WHERE s.changed
            GROUP BY s.measure_code, s.geography
            """, connection, transaction))
        {
            outbox.Parameters.AddWithValue("now", now);
            await outbox.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (written, revised, parsed.Observations.Count - written - revised);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, decimal? value, CancellationToken cancellationToken)
    {
        if (value is { } v)
        {
            await copy.WriteAsync(v, NpgsqlDbType.Numeric, cancellationToken);
        }
        else
        {
            await copy.WriteNullAsync(cancellationToken);
        }
    }

    private async Task FinishAsync(Actor actor, Guid batchId, string status, ImportReport report, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE performance.import_batches
            SET status = $2, finished_at = $3, format = $4, rows_read = $5, observations_written = $6, observations_revised = $7, report = $8::jsonb
            WHERE id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = batchId });
        command.Parameters.Add(new NpgsqlParameter { Value = status });
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)report.Format ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = report.RowsRead });
        command.Parameters.Add(new NpgsqlParameter { Value = report.ObservationsWritten });
        command.Parameters.Add(new NpgsqlParameter { Value = report.ObservationsRevised });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(report, JsonSerializerOptions.Web) });
        await command.ExecuteNonQueryAsync(cancellationToken);
        await audit.RecordAsync(actor, new AuditEvent(
            AuditKinds.Import,
            $"{status}: {report.Format ?? "unrecognised format"}, {report.RowsRead} rows read, {report.ObservationsWritten} new and {report.ObservationsRevised} revised observations, {report.ErrorCount} errors",
            "performance.import_batches",
            batchId.ToString()), cancellationToken);
    }

    internal static string Kind(PeriodKind kind) => kind switch
    {
        PeriodKind.Month => "month",
        PeriodKind.Quarter => "quarter",
        _ => "year",
    };
}
