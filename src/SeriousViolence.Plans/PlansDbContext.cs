using Microsoft.EntityFrameworkCore;
using SeriousViolence.Plugins;
using SeriousViolence.Abstractions;
using SeriousViolence.Plans.Model;
using SeriousViolence.Platform.Audit;
using SeriousViolence.Platform.Messaging;
using SeriousViolence.Platform.Persistence;

namespace SeriousViolence.Plans;

/// <summary>Schema <c>plans</c>. Every change is audited in the same transaction (see <see cref="AuditInterceptor"/>).</summary>
public sealed class PlansDbContext(DbContextOptions<PlansDbContext> options) : DbContext(options), IAuditedContext
{
    public const string Schema = "plans";

    public Actor? ActingAs { get; set; }

    public DbSet<Objective> Objectives => Set<Objective>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<ObjectiveHistory> ObjectiveHistory => Set<ObjectiveHistory>();

    public DbSet<QuarterlyDraft> QuarterlyDrafts => Set<QuarterlyDraft>();

    public DbSet<QuarterlyUpdate> QuarterlyUpdates => Set<QuarterlyUpdate>();

    public DbSet<QuarterlySubmission> QuarterlySubmissions => Set<QuarterlySubmission>();

    public DbSet<SeedVersion> SeedVersions => Set<SeedVersion>();

    public DbSet<StrategyRecord> Strategy => Set<StrategyRecord>();

    public DbSet<KeyOutcome> KeyOutcomes => Set<KeyOutcome>();

    public DbSet<Theme> Themes => Set<Theme>();

    public DbSet<Enabler> Enablers => Set<Enabler>();

    public DbSet<Partner> Partners => Set<Partner>();

    public DbSet<Operation> Operations => Set<Operation>();

    public DbSet<BoroughSet> BoroughSets => Set<BoroughSet>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<Objective>(e =>
        {
            e.ToTable("objectives");
            e.Property(o => o.Status).HasConversion<string>();
            e.Property(o => o.Rag).HasConversion<string>();
            e.Property(o => o.Ripe).HasConversion<int>();
            e.Property(o => o.Years).HasConversion<int>();
            e.Property(o => o.Revision).IsConcurrencyToken();
            e.HasMany(o => o.Milestones).WithOne().HasForeignKey(m => m.ObjectiveId);
        });
        modelBuilder.Entity<Milestone>().ToTable("milestones");
        modelBuilder.Entity<ObjectiveHistory>(e =>
        {
            e.ToTable("objective_history");
            e.HasKey(h => new { h.ObjectiveId, h.Revision });
            e.Property(h => h.Snapshot).HasColumnType("jsonb");
            // Declared so that EF inserts a new objective before its first history row.
            e.HasOne<Objective>().WithMany().HasForeignKey(h => h.ObjectiveId);
        });
        modelBuilder.Entity<QuarterlyDraft>(e =>
        {
            e.ToTable("quarterly_drafts");
            e.HasKey(d => new { d.ObjectiveId, d.Quarter });
            e.HasOne<Objective>().WithMany().HasForeignKey(d => d.ObjectiveId);
            e.Property(d => d.Status).HasConversion<string>();
            e.Property(d => d.Rag).HasConversion<string>();
        });
        modelBuilder.Entity<QuarterlyUpdate>(e =>
        {
            e.ToTable("quarterly_updates");
            e.HasOne<Objective>().WithMany().HasForeignKey(u => u.ObjectiveId);
            e.Property(u => u.Rag).HasConversion<string>();
        });
        modelBuilder.Entity<QuarterlySubmission>(e =>
        {
            e.ToTable("quarterly_submissions");
            e.HasKey(s => new { s.StrandId, s.Quarter, s.Revision });
        });
        modelBuilder.Entity<SeedVersion>(e =>
        {
            e.ToTable("seed_versions");
            e.HasKey(s => new { s.Scope, s.Version });
        });
        modelBuilder.Entity<StrategyRecord>().ToTable("strategy");
        modelBuilder.Entity<KeyOutcome>(e =>
        {
            e.ToTable("key_outcomes");
            e.HasKey(k => k.Number);
            e.Property(k => k.Number).ValueGeneratedNever();
        });
        modelBuilder.Entity<Theme>(e =>
        {
            e.ToTable("themes");
            e.HasKey(t => t.Code);
        });
        modelBuilder.Entity<Enabler>(e =>
        {
            e.ToTable("enablers");
            e.HasKey(x => x.Number);
            e.Property(x => x.Number).ValueGeneratedNever();
        });
        modelBuilder.Entity<Partner>(e =>
        {
            e.ToTable("partners");
            e.HasKey(p => p.Position);
            e.Property(p => p.Position).ValueGeneratedNever();
        });
        modelBuilder.Entity<Operation>(e =>
        {
            e.ToTable("operations");
            e.HasKey(o => o.Code);
            e.Property(o => o.Phases).HasColumnType("jsonb");
            e.Property(o => o.Results).HasColumnType("jsonb");
            e.Property(o => o.Sources).HasColumnType("jsonb");
            e.Property(o => o.Revision).IsConcurrencyToken();
        });
        modelBuilder.Entity<BoroughSet>(e =>
        {
            e.ToTable("borough_sets");
            e.HasKey(b => b.Code);
        });
        modelBuilder.Entity<StrategyRecord>().Property(s => s.Id).ValueGeneratedNever();
        modelBuilder.MapOutbox();
        modelBuilder.MapAuditTrail();
        modelBuilder.ApplySnakeCaseNames();
    }
}
