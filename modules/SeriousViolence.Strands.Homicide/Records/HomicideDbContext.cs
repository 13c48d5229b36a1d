using Microsoft.EntityFrameworkCore;
using SeriousViolence.Plugins;

namespace SeriousViolence.Strands.Homicide.Records;

/// <summary>The strand's registers in its own schema (strand_homicide), audited and concurrency-safe.</summary>
public sealed class HomicideDbContext(DbContextOptions<HomicideDbContext> options) : StrandDbContext(options, HomicideStrand.Strand)
{
    public DbSet<Investigation> Investigations => Set<Investigation>();

    public DbSet<FiuRequest> FiuRequests => Set<FiuRequest>();

    public DbSet<FiuWarning> FiuWarnings => Set<FiuWarning>();

    public DbSet<PartnershipProject> Projects => Set<PartnershipProject>();

    public DbSet<PublishedFigure> PublishedFigures => Set<PublishedFigure>();

    public DbSet<HighlightRevision> HighlightRevisions => Set<HighlightRevision>();

    protected override void MapRecords(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Investigation>(e =>
        {
            e.ToTable("investigations");
            e.HasKey(r => r.Id);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => r.OperationName).IsUnique();
            e.Ignore(r => r.Detected);
            e.Ignore(r => r.Convicted);
        });
        modelBuilder.Entity<FiuRequest>(e =>
        {
            e.ToTable("fiu_requests");
            e.HasKey(r => r.Id);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.Property(r => r.Number).ValueGeneratedOnAdd();
            e.Ignore(r => r.Reference);
            e.Ignore(r => r.Met);
        });
        modelBuilder.Entity<FiuWarning>(e =>
        {
            e.ToTable("fiu_warnings");
            e.HasKey(r => r.Id);
        });
        modelBuilder.Entity<PartnershipProject>(e =>
        {
            e.ToTable("partnership_projects");
            e.HasKey(r => r.Id);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.Ignore(r => r.Supported);
        });
        modelBuilder.Entity<PublishedFigure>(e =>
        {
            e.ToTable("published_figures");
            e.HasKey(r => new { r.MeasureCode, r.Geography, r.PeriodKind, r.PeriodStart });
        });
        modelBuilder.Entity<HighlightRevision>(e =>
        {
            e.ToTable("highlight_revisions");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
        });
    }
}
