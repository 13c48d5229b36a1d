using Microsoft.Extensions.Logging;
using Npgsql;

namespace SeriousViolence.Platform.Persistence;

/// <summary>
/// Applies each module's SQL migrations to its own schema, recording them in <c>{schema}.schema_migrations</c>.
/// Runs under a PostgreSQL advisory lock so that two hosts starting together migrate once. Each script and its history
/// row commit together, so a failed script leaves the schema at the previous version.
/// </summary>
public sealed class MigrationRunner(NpgsqlDataSource dataSource, IEnumerable<MigrationSource> sources, ILogger<MigrationRunner> logger)
{
    // Arbitrary constant shared by every instance of the platform: "SVMIGR" in ASCII.
    private const long AdvisoryLockKey = 0x5356_4D49_4752;

    public async Task<IReadOnlyList<string>> ApplyAsync(CancellationToken cancellationToken)
    {
        var applied = new List<string>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({AdvisoryLockKey})", connection))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            foreach (var source in sources)
            {
                await EnsureHistoryAsync(connection, source.Schema, cancellationToken);
                var done = await AppliedVersionsAsync(connection, source.Schema, cancellationToken);
                foreach (var script in source.Scripts().Where(s => !done.Contains(s.Version)))
                {
                    await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                    await using (var command = new NpgsqlCommand(script.Sql, connection, transaction))
                    {
                        await command.ExecuteNonQueryAsync(cancellationToken);
                    }

                    await using (var record = new NpgsqlCommand(
                        $"INSERT INTO \"{source.Schema}\".schema_migrations (version, name, applied_at) VALUES ($1, $2, now())",
                        connection,
                        transaction))
                    {
                        record.Parameters.Add(new NpgsqlParameter { Value = script.Version });
                        record.Parameters.Add(new NpgsqlParameter { Value = script.Name });
                        await record.ExecuteNonQueryAsync(cancellationToken);
                    }

                    await transaction.CommitAsync(cancellationToken);
                    applied.Add($"{source.Schema}/{script.Name}");
                    logger.LogInformation("Applied migration {Schema}/{Migration}", source.Schema, script.Name);
                }
            }
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({AdvisoryLockKey})", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }

        return applied;
    }

    private static async Task EnsureHistoryAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        var sql = $"""
            CREATE SCHEMA IF NOT EXISTS "{schema}";
            CREATE TABLE IF NOT EXISTS "{schema}".schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL
            );
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        var versions = new HashSet<int>();
        await using var command = new NpgsqlCommand($"SELECT version FROM \"{schema}\".schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }
}
