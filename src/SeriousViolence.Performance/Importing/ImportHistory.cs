using Npgsql;

namespace SeriousViolence.Performance.Importing;

/// <summary>One import as recorded in <c>performance.import_batches</c>.</summary>
public sealed record ImportBatch(
    Guid Id, string FileName, string? Format, string Status, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string StartedBy,
    int RowsRead, int ObservationsWritten, int ObservationsRevised, int ObservationsUnchanged, int ErrorCount);

/// <summary>The imports run so far, newest first: what was loaded, by whom, and what became of it.</summary>
public sealed class ImportHistory(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<ImportBatch>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT id, file_name, format, status, started_at, finished_at, started_by, rows_read, observations_written, observations_revised,
                   coalesce((report->>'observationsUnchanged')::int, 0), coalesce((report->>'errorCount')::int, 0)
            FROM performance.import_batches ORDER BY started_at DESC, id DESC LIMIT $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        var list = new List<ImportBatch>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            list.Add(new ImportBatch(
                r.GetGuid(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4),
                r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5), r.GetString(6), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9), r.GetInt32(10), r.GetInt32(11)));
        }

        return list;
    }
}
