using SeriousViolence.Abstractions;

namespace SeriousViolence.Plans.Model;

/// <summary>An objective of a strand's action plan: one "RIPE action" of the strategy.</summary>
public sealed class Objective
{
    public Guid Id { get; set; }

    public required string StrandId { get; set; }

    /// <summary>The seed key for objectives that came from the strategy; null for objectives leads added.</summary>
    public string? SeedKey { get; set; }

    public RipeCategory Ripe { get; set; }

    public StrategyYears Years { get; set; }

    public required string Text { get; set; }

    public string? Context { get; set; }

    public string? YearAsWritten { get; set; }

    public string? Owner { get; set; }

    public List<string> Partners { get; set; } = [];

    public List<string> Themes { get; set; } = [];

    public List<string> Boroughs { get; set; } = [];

    public decimal? TargetValue { get; set; }

    public string? TargetUnit { get; set; }

    public string? TargetText { get; set; }

    /// <summary>"2007/08 Q4" (<see cref="FinancialQuarter"/>'s form), or null.</summary>
    public string? DueQuarter { get; set; }

    public ObjectiveStatus Status { get; set; }

    public Rag? Rag { get; set; }

    public int PercentComplete { get; set; }

    /// <summary>Government Security Classifications marking of this record (OFFICIAL unless the lead raises it).</summary>
    public ProtectiveMarking Marking { get; set; }

    /// <summary>Partners (as the strategy names them) whose users may read this objective.</summary>
    public List<string> SharedWith { get; set; } = [];

    public int? SourceLine { get; set; }

    /// <summary>Increases with every change; the optimistic-concurrency token.</summary>
    public long Revision { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public List<Milestone> Milestones { get; set; } = [];
}

public sealed class Milestone
{
    public Guid Id { get; set; }

    public Guid ObjectiveId { get; set; }

    public int Position { get; set; }

    public required string Title { get; set; }

    public DateOnly? DueDate { get; set; }

    public bool Done { get; set; }
}

/// <summary>An objective as saved at one revision.</summary>
public sealed class ObjectiveHistory
{
    public Guid ObjectiveId { get; set; }

    public long Revision { get; set; }

    public required string Snapshot { get; set; }

    public required string ChangedBy { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
