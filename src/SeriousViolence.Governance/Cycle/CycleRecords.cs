namespace SeriousViolence.Governance.Cycle;

/// <summary>Where a quarter stands in the cycle.</summary>
public static class QuarterStates
{
    /// <summary>The quarter is still running; nothing to report yet.</summary>
    public const string InProgress = "in-progress";

    /// <summary>The quarter has ended and its reporting window is open.</summary>
    public const string Open = "open";

    /// <summary>The deadline has passed: the quarter is locked and a submission now is late.</summary>
    public const string Locked = "locked";
}

/// <summary>One financial quarter as the cycle has reached it. Dates are fixed when the row is created.</summary>
public sealed class QuarterRecord
{
    /// <summary>"2026/27 Q1".</summary>
    public required string Quarter { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public DateTimeOffset WindowOpensAt { get; set; }

    public DateTimeOffset DeadlineAt { get; set; }

    public List<int> ReminderOffsetsDays { get; set; } = [];

    public required string State { get; set; }

    public DateTimeOffset? OpenedAt { get; set; }

    public DateTimeOffset? LockedAt { get; set; }

    public Guid? SnapshotId { get; set; }
}

/// <summary>A strand's quarterly submission as the Governance module heard of it (QuarterlyUpdateSubmitted).</summary>
public sealed class StrandSubmission
{
    public required string Quarter { get; set; }

    public required string StrandId { get; set; }

    public long Revision { get; set; }

    public required string SubmittedBy { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public int ObjectivesUpdated { get; set; }

    public int ObjectivesCarriedForward { get; set; }

    /// <summary>Submitted after the quarter's deadline: accepted, and shown to the Board as late.</summary>
    public bool Late { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>A reminder owed to a strand at one offset: sent, or skipped because a later one superseded it.</summary>
public sealed class ReminderRecord
{
    public required string Quarter { get; set; }

    public required string StrandId { get; set; }

    public int OffsetDays { get; set; }

    public required string Outcome { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
