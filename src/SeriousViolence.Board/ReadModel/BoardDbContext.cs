using Microsoft.EntityFrameworkCore;
using SeriousViolence.Plugins;
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

    public DbSet<BoardObjectiveUpdate> ObjectiveUpdates => Set<BoardObjectiveUpdate>();

    public DbSet<BoardStrategy> Strategy => Set<BoardStrategy>();

    public DbSet<BoardMeasure> Measures => Set<BoardMeasure>();

    public DbSet<BoardObservation> Observations => Set<BoardObservation>();

    public DbSet<BoardHighlights> Highlights => Set<BoardHighlights>();

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
        modelBuilder.Entity<BoardObjectiveUpdate>(e =>
        {
            e.ToTable("objective_updates");
            e.HasKey(u => new { u.ObjectiveId, u.Quarter });
        });
        modelBuilder.Entity<BoardStrategy>(e =>
        {
            e.ToTable("strategy");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.Content).HasColumnType("jsonb");
        });
        modelBuilder.Entity<BoardMeasure>(e =>
        {
            e.ToTable("measures");
            e.HasKey(m => m.MeasureCode);
        });
        modelBuilder.Entity<BoardObservation>(e =>
        {
            e.ToTable("measure_observations");
            e.HasKey(o => new { o.MeasureCode, o.Geography, o.PeriodKind, o.PeriodStart });
        });
        modelBuilder.Entity<BoardHighlights>(e =>
        {
            e.ToTable("strand_highlights");
            e.HasKey(h => new { h.StrandId, h.Source });
            e.Property(h => h.Highlights).HasColumnType("jsonb");
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

    public string? Owner { get; set; }

    public List<string> Partners { get; set; } = [];

    public List<string> Boroughs { get; set; } = [];
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

/// <summary>The latest revision of one objective's submitted update for one quarter.</summary>
public sealed class BoardObjectiveUpdate
{
    public Guid ObjectiveId { get; set; }

    public required string Quarter { get; set; }

    public required string StrandId { get; set; }

    public int Revision { get; set; }

    public bool CarriedForward { get; set; }

    public string? Rag { get; set; }

    public int PercentComplete { get; set; }

    public required string Narrative { get; set; }

    public required string SubmittedBy { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }
}

/// <summary>The strategy's shared content: the <c>StrategyAnnounced</c> message as received (JSON).</summary>
public sealed class BoardStrategy
{
    public int Id { get; set; } = 1;

    public long Revision { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public required string Content { get; set; }
}

public sealed class BoardMeasure
{
    public required string MeasureCode { get; set; }

    public long Revision { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public required string Name { get; set; }

    public required string Unit { get; set; }

    public required string Polarity { get; set; }

    public required string Frequency { get; set; }

    public decimal? TargetValue { get; set; }

    public string? TargetText { get; set; }

    public List<int> KeyOutcomes { get; set; } = [];

    public List<string> StrandIds { get; set; } = [];

    /// <summary>The strand whose plugin declares the measure, or null: hidden while that strand is withdrawn.</summary>
    public string? OwnerStrand { get; set; }

    /// <summary>Why the measure is only a proxy, or null (MeasureDefined.Proxy).</summary>
    public string? Proxy { get; set; }
}

public sealed class BoardObservation
{
    public required string MeasureCode { get; set; }

    public required string Geography { get; set; }

    public required string PeriodKind { get; set; }

    public DateOnly PeriodStart { get; set; }

    public decimal Value { get; set; }

    public decimal? Numerator { get; set; }

    public decimal? Denominator { get; set; }

    public int Revision { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>
/// A strand's highlights from one source as its latest <c>StrandHighlightsPublished</c> gave them (the message's list,
/// as JSON): each message replaces that source's list. Hidden while the strand is withdrawn.
/// </summary>
public sealed class BoardHighlights
{
    public required string StrandId { get; set; }

    /// <summary>The register within the strand that published them ("" for a strand with one).</summary>
    public string Source { get; set; } = "";

    public long Revision { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public required string Highlights { get; set; }
}
