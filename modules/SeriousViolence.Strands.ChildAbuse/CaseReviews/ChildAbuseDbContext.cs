using Microsoft.EntityFrameworkCore;
using SeriousViolence.Plugins;
using SeriousViolence.Plugins.Returns;

namespace SeriousViolence.Strands.ChildAbuse.CaseReviews;

/// <summary>The strand's records in its own schema (strand_child_abuse), audited and concurrency-safe.</summary>
public sealed class ChildAbuseDbContext(DbContextOptions<ChildAbuseDbContext> options) : StrandDbContext(options, ChildAbuseStrand.Strand)
{
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    public DbSet<BoardHighlightRow> BoardHighlights => Set<BoardHighlightRow>();

    protected override void MapRecords(ModelBuilder modelBuilder)
    {
        modelBuilder.MapMonthlyReturns();
        modelBuilder.Entity<Recommendation>(e =>
        {
            e.ToTable("case_review_recommendations");
            e.HasKey(r => r.Id);
            e.Property(r => r.Status).HasConversion<string>();
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<BoardHighlightRow>(e =>
        {
            e.ToTable("board_highlights");
            e.HasKey(h => h.Key);
        });
    }
}
