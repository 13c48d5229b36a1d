using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SeriousViolence.Board.ReadModel;
using SeriousViolence.Plans;
using SeriousViolence.Platform.Persistence;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

public sealed class MigrationTests
{
    private static MigrationRunner Runner(NpgsqlDataSource dataSource) => new(
        dataSource,
        [
            new MigrationSource(PlatformDbContext.Schema, typeof(PlatformDbContext).Assembly),
            new MigrationSource(PlansDbContext.Schema, typeof(PlansDbContext).Assembly),
            new MigrationSource("performance", typeof(SeriousViolence.Performance.PerformanceServices).Assembly),
            new MigrationSource(BoardDbContext.Schema, typeof(BoardDbContext).Assembly),
            new MigrationSource(SeriousViolence.Security.Users.SecurityDbContext.Schema, typeof(SeriousViolence.Security.Users.SecurityDbContext).Assembly),
        ],
        NullLogger<MigrationRunner>.Instance);

    [Fact]
    public async Task Migrating_an_empty_database_creates_each_modules_schema_and_a_second_run_changes_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.ConnectionString);

        var first = await Runner(dataSource).ApplyAsync(CancellationToken.None);
        var second = await Runner(dataSource).ApplyAsync(CancellationToken.None);

        Assert.Equal(
            ["platform/0001_platform_initial.sql", "platform/0002_platform_audit.sql", "platform/0003_platform_outbox_source_module.sql",
             "plans/0001_plans_initial.sql", "plans/0002_plans_marking_sharing.sql", "plans/0003_plans_outbox_source_module.sql",
             "performance/0001_performance_initial.sql", "performance/0002_performance_measure_owners.sql", "performance/0003_performance_measure_proxy.sql", "board/0001_board_initial.sql", "board/0002_board_objectives.sql", "board/0003_board_measures.sql", "board/0004_board_dashboard.sql", "board/0005_board_strand_plugins.sql", "board/0006_board_highlight_sources.sql", "board/0007_board_measure_proxy.sql",
             "security/0001_security_users.sql"],
            first);
        Assert.Empty(second);
        var tables = await db.ColumnAsync(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema IN ('platform','board') ORDER BY 1");
        Assert.Equal(
            ["board.announcements", "board.measure_observations", "board.measures", "board.objective_updates", "board.objectives", "board.processed_messages", "board.quarterly_submissions", "board.schema_migrations", "board.strand_highlights", "board.strands", "board.strategy",
             "platform.audit_records", "platform.outbox_messages", "platform.schema_migrations", "platform.strands"],
            tables);
        var plans = await db.ColumnAsync("SELECT table_name FROM information_schema.tables WHERE table_schema = 'plans' ORDER BY 1");
        Assert.Contains("objectives", plans);
        Assert.Contains("quarterly_updates", plans);
        Assert.Contains("operations", plans);
        Assert.Contains("outbox_messages", plans);
    }

    [Fact]
    public async Task Two_instances_migrating_at_once_apply_each_script_exactly_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.ConnectionString);

        var results = await Task.WhenAll(Runner(dataSource).ApplyAsync(CancellationToken.None), Runner(dataSource).ApplyAsync(CancellationToken.None));

        Assert.Equal(17, results.Sum(r => r.Count));
        Assert.Equal(3L, await db.ScalarAsync<long>("SELECT count(*) FROM platform.schema_migrations"));
        Assert.Equal(3L, await db.ScalarAsync<long>("SELECT count(*) FROM plans.schema_migrations"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM security.schema_migrations"));
        Assert.Equal(7L, await db.ScalarAsync<long>("SELECT count(*) FROM board.schema_migrations"));
        Assert.Equal(3L, await db.ScalarAsync<long>("SELECT count(*) FROM performance.schema_migrations"));
    }
}
