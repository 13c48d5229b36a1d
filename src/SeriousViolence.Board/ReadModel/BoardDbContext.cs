using Microsoft.EntityFrameworkCore;
using SeriousViolence.Platform.Persistence;

namespace SeriousViolence.Board.ReadModel;

/// <summary>Schema <c>board</c>: the Board's own read model.</summary>
public sealed class BoardDbContext(DbContextOptions<BoardDbContext> options) : DbContext(options)
{
    public const string Schema = "board";

    public DbSet<BoardStrand> Strands => Set<BoardStrand>();

    public DbSet<BoardAnnouncement> Announcements => Set<BoardAnnouncement>();

    public DbSet<BoardObjective> Objectives => Set<BoardObjective>();

    public DbSet<BoardSubmission> Submissions => Set<BoardSubmission>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<BoardStrand>(e =>
        {
            e.ToTable("strands");
            e.HasKey(s => s.StrandId);
        });
        modelBuilder.Entity<BoardAnnouncement>(e =>
        {
            e.ToTable("announcements");
            e.HasKey(a => a.MessageId);
        });
        modelBuilder.Entity<BoardObjective>(e =>
        {
            e.ToTable("objectives");
            e.HasKey(o => o.ObjectiveId);
        });
        modelBuilder.Entity<BoardSubmission>(e =>
        {
            e.ToTable("quarterly_submissions");
            e.HasKey(s => new { s.StrandId, s.Quarter });
        });
        modelBuilder.ApplySnakeCaseNames();
    }
}

public sealed class BoardStrand
{
    public required string StrandId { get; set; }

    public int Number { get; set; }

    public required string Name { get; set; }

    public required string Operation { get; set; }

    public required string LeadRole { get; set; }

    public required string Aim { get; set; }

    public required string PagePath { get; set; }

    public long Revision { get; set; }

    public bool Withdrawn { get; set; }

    /// <summary>When the strand last told the Board anything (the message's own time).</summary>
    public DateTimeOffset LastMessageAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}

public sealed class BoardAnnouncement
{
    public Guid MessageId { get; set; }

    public required string StrandId { get; set; }

    public required string Kind { get; set; }

    public long Revision { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}

public sealed class BoardObjective
{
    public Guid ObjectiveId { get; set; }

    public required string StrandId { get; set; }

    public long Revision { get; set; }

    public List<string> Ripe { get; set; } = [];

    public List<int> Years { get; set; } = [];

    public required string Status { get; set; }

    public string? Rag { get; set; }

    public int PercentComplete { get; set; }

    public List<string> Themes { get; set; } = [];

    public required string Text { get; set; }

    public string? DueQuarter { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}

public sealed class BoardSubmission
{
    public required string StrandId { get; set; }

    public required string Quarter { get; set; }

    public long Revision { get; set; }

    public int ObjectivesUpdated { get; set; }

    public int ObjectivesCarriedForward { get; set; }

    public required string SubmittedBy { get; set; }

    public DateTimeOffset OccurredAt { get; set; }
}
