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

    /// <summary>
    /// Each objective's update in this submission, so the Board can show an objective's quarterly history. Empty from
    /// publishers that predate it.
    /// </summary>
    public IReadOnlyList<SubmittedObjectiveUpdate> Updates { get; init; } = [];
}

/// <summary>One objective's submitted update for the quarter.</summary>
public sealed record SubmittedObjectiveUpdate
{
    public required Guid ObjectiveId { get; init; }

    /// <summary>The update's own revision: 1 when submitted, 2, 3, ... for corrections.</summary>
    public required int Revision { get; init; }

    public required bool CarriedForward { get; init; }

    /// <summary>Red, Amber, Green, or null.</summary>
    public string? Rag { get; init; }

    public required int PercentComplete { get; init; }

    public required string Narrative { get; init; }

    /// <summary>When this revision of the update was submitted (a re-announcement keeps the original time).</summary>
    public required DateTimeOffset SubmittedAt { get; init; }

    public required string SubmittedBy { get; init; }
}
