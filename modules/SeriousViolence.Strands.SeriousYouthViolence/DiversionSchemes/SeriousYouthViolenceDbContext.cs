using Microsoft.EntityFrameworkCore;
using SeriousViolence.Plugins;
using SeriousViolence.Plugins.Returns;

namespace SeriousViolence.Strands.SeriousYouthViolence.DiversionSchemes;

/// <summary>
/// The strand's records in its own schema (strand_serious_youth_violence), audited and concurrency-safe: the diversion
/// schemes register and the kit's monthly returns (the under-20 return and the Operation Blunt activity log).
/// </summary>
public sealed class SeriousYouthViolenceDbContext(DbContextOptions<SeriousYouthViolenceDbContext> options) : StrandDbContext(options, SeriousYouthViolenceStrand.Strand)
{
    public DbSet<DiversionScheme> Schemes => Set<DiversionScheme>();

    public DbSet<BoardHighlightRow> BoardHighlights => Set<BoardHighlightRow>();

    protected override void MapRecords(ModelBuilder modelBuilder)
    {
        modelBuilder.MapMonthlyReturns();
        modelBuilder.Entity<DiversionScheme>(e =>
        {
            e.ToTable("diversion_schemes");
            e.HasKey(s => s.Id);
            e.Property(s => s.Status).HasConversion<string>();
            e.Property(s => s.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<BoardHighlightRow>(e =>
        {
            e.ToTable("board_highlights");
            e.HasKey(h => h.Key);
        });
    }
}
