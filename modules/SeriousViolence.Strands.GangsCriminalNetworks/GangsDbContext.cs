using Microsoft.EntityFrameworkCore;
using SeriousViolence.Plugins;
using SeriousViolence.Strands.GangsCriminalNetworks.Networks;
using SeriousViolence.Strands.GangsCriminalNetworks.Sharing;

namespace SeriousViolence.Strands.GangsCriminalNetworks;

/// <summary>The strand's records in its own schema (strand_gangs_criminal_networks), audited and concurrency-safe.</summary>
public sealed class GangsDbContext(DbContextOptions<GangsDbContext> options) : StrandDbContext(options, GangsCriminalNetworksStrand.Strand)
{
    /// <summary>The matrix as every view sees it: a network a lead removed is in none of them (a query filter, so no query can forget).</summary>
    public DbSet<CriminalNetwork> Networks => Set<CriminalNetwork>();

    public DbSet<NetworkNote> Notes => Set<NetworkNote>();

    public DbSet<HarmAssessment> Assessments => Set<HarmAssessment>();

    public DbSet<Disruption> Disruptions => Set<Disruption>();

    public DbSet<SharingAgreement> Agreements => Set<SharingAgreement>();

    public DbSet<ExportRecord> Exports => Set<ExportRecord>();

    public DbSet<RetentionDeletion> RetentionDeletions => Set<RetentionDeletion>();

    public DbSet<Publication> Publications => Set<Publication>();

    protected override void MapRecords(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CriminalNetwork>(e =>
        {
            e.ToTable("networks");
            e.HasKey(n => n.Id);
            e.Property(n => n.Version).IsConcurrencyToken();
            e.HasIndex(n => n.Reference).IsUnique();
            e.HasQueryFilter(n => n.RemovedAt == null);
        });
        modelBuilder.Entity<NetworkNote>(e =>
        {
            e.ToTable("network_notes");
            e.HasKey(n => n.NetworkId);
            // Relationships without navigations: they tell EF to insert a network before what hangs from it.
            e.HasOne<CriminalNetwork>().WithOne().HasForeignKey<NetworkNote>(n => n.NetworkId);
        });
        modelBuilder.Entity<HarmAssessment>(e =>
        {
            e.ToTable("assessments");
            e.HasKey(a => a.Id);
            e.HasOne<CriminalNetwork>().WithMany().HasForeignKey(a => a.NetworkId);
        });
        modelBuilder.Entity<Disruption>(e =>
        {
            e.ToTable("disruptions");
            e.HasKey(d => d.Id);
            e.HasOne<CriminalNetwork>().WithMany().HasForeignKey(d => d.NetworkId);
        });
        modelBuilder.Entity<SharingAgreement>(e =>
        {
            e.ToTable("sharing_agreements");
            e.HasKey(a => a.Id);
            e.Property(a => a.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<ExportRecord>(e =>
        {
            e.ToTable("exports");
            e.HasKey(x => x.Id);
        });
        modelBuilder.Entity<RetentionDeletion>(e =>
        {
            e.ToTable("retention_deletions");
            e.HasKey(x => x.Id);
        });
        modelBuilder.Entity<Publication>(e => e.ToTable("publications"));
    }
}
