namespace SeriousViolence.Contracts;

/// <summary>A strand submitted its quarterly update for a financial quarter (every objective updated or carried forward).</summary>
public sealed record QuarterlyUpdateSubmitted
{
    public required string StrandId { get; init; }

    /// <summary>The financial quarter as "2007/08 Q1" (April-March year).</summary>
    public required string Quarter { get; init; }

    /// <summary>1 for the first submission of the quarter; a resubmission after corrections is 2, 3, ...</summary>
    public required long Revision { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required int ObjectivesUpdated { get; init; }

    public required int ObjectivesCarriedForward { get; init; }

    public required string SubmittedBy { get; init; }
}
