using Microsoft.EntityFrameworkCore;
using SeriousViolence.Plugins;
using SeriousViolence.Governance.Cycle;
using SeriousViolence.Governance.Meetings;
using SeriousViolence.Governance.Notifications;
using SeriousViolence.Governance.Scheduling;
using SeriousViolence.Platform.Persistence;

namespace SeriousViolence.Governance;

/// <summary>Schema <c>governance</c>: the quarterly cycle, notifications, job runs (and Quartz's own tables, not mapped here).</summary>
public sealed class GovernanceDbContext(DbContextOptions<GovernanceDbContext> options) : DbContext(options), SeriousViolence.Plugins.IAuditedContext
{
    public const string Schema = "governance";

    /// <summary>Who is making the changes (a person, or the platform for jobs and consumers); every change is audited.</summary>
    public SeriousViolence.Abstractions.Actor? ActingAs { get; set; }

    public DbSet<QuarterRecord> Quarters => Set<QuarterRecord>();

    public DbSet<StrandSubmission> Submissions => Set<StrandSubmission>();

    public DbSet<ReminderRecord> Reminders => Set<ReminderRecord>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<OutgoingEmail> EmailOutbox => Set<OutgoingEmail>();

    public DbSet<JobRun> JobRuns => Set<JobRun>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<ActionArising> ActionsArising => Set<ActionArising>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<QuarterRecord>(e =>
        {
            e.ToTable("quarters");
            e.HasKey(q => q.Quarter);
        });
        modelBuilder.Entity<StrandSubmission>(e =>
        {
            e.ToTable("submissions");
            e.HasKey(s => new { s.Quarter, s.StrandId, s.Revision });
        });
        modelBuilder.Entity<ReminderRecord>(e =>
        {
            e.ToTable("reminders");
            e.HasKey(r => new { r.Quarter, r.StrandId, r.OffsetDays });
        });
        modelBuilder.Entity<Notification>(e =>
        {
            e.ToTable("notifications");
            e.HasKey(n => n.Id);
        });
        modelBuilder.Entity<OutgoingEmail>(e =>
        {
            e.ToTable("email_outbox");
            e.HasKey(m => m.Id);
            e.Property(m => m.Seq).ValueGeneratedOnAdd();
        });
        modelBuilder.Entity<JobRun>(e =>
        {
            e.ToTable("job_runs");
            e.HasKey(r => r.Id);
        });
        modelBuilder.Entity<Meeting>(e =>
        {
            e.ToTable("meetings");
            e.HasKey(m => m.Id);
            e.Property(m => m.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<AgendaItem>(e =>
        {
            e.ToTable("agenda_items");
            e.HasKey(a => a.Id);
            // Declared so that EF inserts a new meeting before its agenda.
            e.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId);
        });
        modelBuilder.Entity<Decision>(e =>
        {
            e.ToTable("decisions");
            e.HasKey(d => d.Id);
            e.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId);
        });
        modelBuilder.Entity<ActionArising>(e =>
        {
            e.ToTable("actions_arising");
            e.HasKey(a => a.Id);
            e.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId);
            e.Property(a => a.Status).HasConversion<string>();
            e.Property(a => a.Version).IsConcurrencyToken();
            e.Ignore(a => a.IsClosed);
        });
        SeriousViolence.Platform.Audit.AuditModel.MapAuditTrail(modelBuilder);
        modelBuilder.ApplySnakeCaseNames();
    }
}
