using SeriousViolence.Abstractions;

namespace SeriousViolence.Plans.Model;

/// <summary>A lead's working update for one objective in the open quarter, until the strand submits the quarter.</summary>
public sealed class QuarterlyDraft
{
    public Guid ObjectiveId { get; set; }

    public required string Quarter { get; set; }

    /// <summary>Nothing new this quarter: the objective's position stands as last reported.</summary>
    public bool CarriedForward { get; set; }

    /// <summary>The status the lead reports; the objective takes it when the quarter is submitted.</summary>
    public ObjectiveStatus Status { get; set; }

    public Rag? Rag { get; set; }

    public int PercentComplete { get; set; }

    public string Narrative { get; set; } = "";

    public List<string> EvidenceLinks { get; set; } = [];

    public required string UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A submitted quarterly update. Never changed: a correction is a new row with the next revision and its reason.</summary>
public sealed class QuarterlyUpdate
{
    public Guid Id { get; set; }

    public Guid ObjectiveId { get; set; }

    public required string StrandId { get; set; }

    public required string Quarter { get; set; }

    public int Revision { get; set; }

    public bool CarriedForward { get; set; }

    public Rag? Rag { get; set; }

    public int PercentComplete { get; set; }

    public required string Narrative { get; set; }

    public List<string> EvidenceLinks { get; set; } = [];

    public string? CorrectionReason { get; set; }

    public required string SubmittedBy { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }
}

public sealed class QuarterlySubmission
{
    public required string StrandId { get; set; }

    public required string Quarter { get; set; }

    public int Revision { get; set; }

    public int ObjectivesUpdated { get; set; }

    public int ObjectivesCarriedForward { get; set; }

    public required string SubmittedBy { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }
}

public sealed class SeedVersion
{
    public required string Scope { get; set; }

    public int Version { get; set; }

    public DateTimeOffset AppliedAt { get; set; }

    public int ItemsAdded { get; set; }
}
