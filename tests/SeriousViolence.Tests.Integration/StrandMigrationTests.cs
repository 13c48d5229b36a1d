using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SeriousViolence.Platform.Persistence;
using SeriousViolence.Platform.Startup;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>A strand's own migrations run with the platform's; one that fails stops start-up naming the strand and script.</summary>
public sealed class StrandMigrationTests
{
    private static MigrationRunner Runner(NpgsqlDataSource dataSource) => new(
        dataSource,
        [new MigrationSource("strand_migration_test", typeof(StrandMigrationTests).Assembly) { Owner = "strand 'migration-test'", WithMessaging = true }],
        NullLogger<MigrationRunner>.Instance);

    [Fact]
    public async Task A_failing_strand_migration_names_the_strand_and_the_script_and_leaves_the_schema_at_the_previous_version()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.ConnectionString);

        var error = await Assert.ThrowsAsync<StartupException>(() => Runner(dataSource).ApplyAsync(CancellationToken.None));

        Assert.StartsWith("Migration 0002_test_strand_broken.sql of the strand 'migration-test' (schema strand_migration_test) failed and was rolled back: 42601", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(["1"], await db.ColumnAsync("SELECT version FROM strand_migration_test.schema_migrations"));
        Assert.Equal(
            ["outbox_messages", "processed_messages", "returns", "schema_migrations"],
            await db.ColumnAsync("SELECT table_name FROM information_schema.tables WHERE table_schema = 'strand_migration_test' ORDER BY 1"));
    }

    [Fact]
    public async Task A_strand_schema_gets_the_platforms_outbox_with_its_source_module_column_and_an_inbox()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        await Assert.ThrowsAsync<StartupException>(() => Runner(dataSource).ApplyAsync(CancellationToken.None));

        var outbox = await db.ColumnAsync(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'strand_migration_test' AND table_name = 'outbox_messages' ORDER BY ordinal_position");
        var inbox = await db.ColumnAsync(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'strand_migration_test' AND table_name = 'processed_messages' ORDER BY ordinal_position");

        Assert.Equal(["id", "seq", "message_type", "body", "source_module", "created_at", "dispatched_at", "attempts", "last_error"], outbox);
        Assert.Equal(["message_id", "consumer", "processed_at"], inbox);
    }
}
