using Microsoft.EntityFrameworkCore;
using SeriousViolence.Plugins;
using SeriousViolence.Platform.Messaging;

namespace SeriousViolence.Platform.Persistence;

/// <summary>Schema <c>platform</c>: the strand registry and the platform's outbox.</summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : DbContext(options)
{
    public const string Schema = "platform";

    public DbSet<RegisteredStrand> Strands => Set<RegisteredStrand>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<RegisteredStrand>(e =>
        {
            e.ToTable("strands");
            e.HasKey(s => s.Id);
        });
        modelBuilder.MapOutbox();
        modelBuilder.ApplySnakeCaseNames();
    }
}

/// <summary>A strand as this deployment last announced it.</summary>
public sealed class RegisteredStrand
{
    public required string Id { get; set; }

    public int Number { get; set; }

    public required string Name { get; set; }

    public required string Operation { get; set; }

    public required string LeadRole { get; set; }

    /// <summary>The aim's paragraphs, one per line.</summary>
    public required string Aim { get; set; }

    public required string PagePath { get; set; }

    public required string Assembly { get; set; }

    public bool Enabled { get; set; }

    public long Revision { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
