using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>The ninth strand's own migration, embedded in its assembly, is applied with the platform's.</summary>
public sealed class NinthStrandMigrationTests
{
    [Fact]
    public async Task Migrating_an_empty_database_with_the_ninth_strand_creates_its_schema_its_tables_and_its_outbox_and_inbox()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using (await NinthStrandHost.StartAsync(db))
        {
            Assert.Equal(
                ["outbox_messages", "processed_messages", "return_receipts", "schema_migrations", "tallies", "test_returns"],
                await db.ColumnAsync("SELECT table_name FROM information_schema.tables WHERE table_schema = 'strand_ninth_test' ORDER BY 1"));
            Assert.Equal(["1|0001_ninth_test_returns.sql"], await db.ColumnAsync("SELECT version || '|' || name FROM strand_ninth_test.schema_migrations"));
            Assert.Equal(
                ["borough", "count", "created_at", "created_by", "id", "marking", "month", "prepared_by", "strand_id", "updated_at", "updated_by", "version"],
                await db.ColumnAsync("SELECT column_name FROM information_schema.columns WHERE table_schema = 'strand_ninth_test' AND table_name = 'test_returns' ORDER BY 1"));
        }

        // A second start on the same database applies nothing again.
        await using (await NinthStrandHost.StartAsync(db))
        {
            Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM strand_ninth_test.schema_migrations"));
        }
    }
}
