using Microsoft.Extensions.Logging;
using Npgsql;
using SeriousViolence.Platform.Startup;

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
                await EnsureHistoryAsync(connection, source, cancellationToken);
                var done = await AppliedVersionsAsync(connection, source.Schema, cancellationToken);
                IReadOnlyList<MigrationScript> scripts;
                try
                {
                    scripts = source.Scripts();
                }
                catch (InvalidOperationException ex)
                {
                    throw new StartupException($"The {source.Owner} cannot be migrated: {ex.Message}", ex);
                }

                foreach (var script in scripts.Where(s => !done.Contains(s.Version)))
                {
                    await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                    try
                    {
                        await using var command = new NpgsqlCommand(script.Sql, connection, transaction);
                        await command.ExecuteNonQueryAsync(cancellationToken);
                    }
                    catch (PostgresException ex)
                    {
                        // One line for the operator: whose script, which one, and what PostgreSQL said. Nothing of it is kept.
                        await transaction.RollbackAsync(CancellationToken.None);
                        throw new StartupException(
                            $"Migration {script.Name} of the {source.Owner} (schema {source.Schema}) failed and was rolled back: {ex.SqlState} {ex.MessageText}" +
                            (ex.Position > 0 ? $" (at character {ex.Position})" : ""), ex);
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

    private static async Task EnsureHistoryAsync(NpgsqlConnection connection, MigrationSource source, CancellationToken cancellationToken)
    {
        var schema = source.Schema;
        var sql = $"""
            CREATE SCHEMA IF NOT EXISTS "{schema}";
            CREATE TABLE IF NOT EXISTS "{schema}".schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL
            );
            """;
        if (source.WithMessaging)
        {
            // A strand's plumbing is the platform's, not the strand author's: the outbox its DbContext maps and the inbox
            // its consumers record processed message ids in.
            sql += $"""

                CREATE TABLE IF NOT EXISTS "{schema}".outbox_messages (
                    id uuid PRIMARY KEY,
                    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
                    message_type text NOT NULL,
                    body jsonb NOT NULL,
                    source_module text NULL,
                    created_at timestamptz NOT NULL,
                    dispatched_at timestamptz NULL,
                    attempts integer NOT NULL DEFAULT 0,
                    last_error text NULL
                );
                CREATE INDEX IF NOT EXISTS outbox_messages_pending ON "{schema}".outbox_messages (seq) WHERE dispatched_at IS NULL;
                CREATE TABLE IF NOT EXISTS "{schema}".processed_messages (
                    message_id uuid NOT NULL,
                    consumer text NOT NULL,
                    processed_at timestamptz NOT NULL,
                    PRIMARY KEY (message_id, consumer)
                );
                """;
        }

        if (source.WithReturns)
        {
            // The monthly returns kit's tables, like the outbox: the platform's, in the strand's schema.
            sql += "\n" + SeriousViolence.Plugins.Returns.MonthlyReturnMapping.Ddl(schema);
        }

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
