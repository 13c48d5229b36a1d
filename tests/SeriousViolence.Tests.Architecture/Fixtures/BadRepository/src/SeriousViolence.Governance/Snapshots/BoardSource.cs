using Microsoft.EntityFrameworkCore;

namespace SeriousViolence.Governance.Snapshots;

// Reads board.objectives until the Board has a query service (a comment: not SQL, not reported).
internal sealed class BoardSource
{
    private const string Schema = "governance";

    public const string Quarters = "SELECT quarter FROM governance.quarters";

    public const string Objectives = "SELECT objective_id FROM board.objectives";

    public const string Series = """
        SELECT measure_code, value
        FROM board.measure_observations
        WHERE geography = 'london'
        """;

    public static void Map(ModelBuilder modelBuilder, Options options)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<Measure>().ToTable("measures", "performance");
        modelBuilder.HasDefaultSchema(options.Schema);
        modelBuilder.Entity<Quarter>().ToTable("quarters");
    }
}
