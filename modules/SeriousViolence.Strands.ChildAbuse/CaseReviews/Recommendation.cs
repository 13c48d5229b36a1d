using SeriousViolence.Abstractions;

namespace SeriousViolence.Strands.ChildAbuse.CaseReviews;

/// <summary>Where a recommendation stands. Only the strand's lead closes one (with its evidence).</summary>
public enum RecommendationStatus
{
    Open,
    InProgress,
    Implemented,
    Closed,
}

/// <summary>
/// One recommendation of a serious case review (or child safeguarding practice review) that the Child Abuse
/// Investigation Command must implement. Identified by the review's reference, never by a child's name; no narrative
/// about a person.
/// </summary>
public sealed class Recommendation
{
    public Guid Id { get; set; }

    /// <summary>Always this strand; named so the audit trail files the change under the strand.</summary>
    public string StrandId { get; set; } = ChildAbuseStrand.Strand.Id;

    /// <summary>The review's reference, e.g. "SCR 2025/07".</summary>
    public required string SourceReview { get; set; }

    /// <summary>The recommendation as the review words it (or its summary).</summary>
    public required string RecommendationText { get; set; }

    /// <summary>The unit or role that owns it, e.g. "CAIC Partnership Team".</summary>
    public required string Owner { get; set; }

    /// <summary>The financial quarter it is due in, as <see cref="FinancialQuarter"/> writes it: "2026/27 Q3".</summary>
    public required string DueQuarter { get; set; }

    /// <summary>The due quarter's last day: overdue from the day after, unless implemented or closed.</summary>
    public DateOnly DueBy { get; set; }

    public RecommendationStatus Status { get; set; }

    /// <summary>What shows it was implemented (document references, links): needed to implement or close it.</summary>
    public string Evidence { get; set; } = "";

    public ProtectiveMarking Marking { get; set; }

    /// <summary>1 when first recorded; increases with each change; the optimistic-concurrency token.</summary>
    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public bool IsOverdueOn(DateOnly today) => Status is RecommendationStatus.Open or RecommendationStatus.InProgress && today > DueBy;
}

public static class RecommendationStatuses
{
    public static string Label(this RecommendationStatus status) => status switch
    {
        RecommendationStatus.Open => "Open",
        RecommendationStatus.InProgress => "In progress",
        RecommendationStatus.Implemented => "Implemented",
        RecommendationStatus.Closed => "Closed with evidence",
        _ => status.ToString(),
    };
}
