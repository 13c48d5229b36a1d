namespace SeriousViolence.Governance.Meetings;

/// <summary>A monthly meeting of the Serious Violence Strategy Board.</summary>
public sealed class Meeting
{
    public Guid Id { get; set; }

    public DateOnly HeldOn { get; set; }

    public required string Title { get; set; }

    public List<string> Attendees { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>Optimistic concurrency: two secretaries editing one meeting cannot overwrite each other.</summary>
    public int Version { get; set; }
}

public static class AgendaKinds
{
    public const string Exception = "exception";
    public const string ActionArising = "action-arising";
    public const string Other = "other";
}

public sealed class AgendaItem
{
    public Guid Id { get; set; }

    public Guid MeetingId { get; set; }

    public int Position { get; set; }

    public required string Kind { get; set; }

    public required string Title { get; set; }

    public required string Detail { get; set; }

    public string? StrandId { get; set; }

    public Guid? ActionId { get; set; }
}

public sealed class Decision
{
    public Guid Id { get; set; }

    public Guid MeetingId { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}

public enum ActionStatus
{
    Open,
    InProgress,
    Done,
    Dropped,
}

/// <summary>A task the Board set a strand: the lead updates it like an objective until it is done or dropped.</summary>
public sealed class ActionArising
{
    public Guid Id { get; set; }

    public Guid MeetingId { get; set; }

    public required string StrandId { get; set; }

    public required string Text { get; set; }

    public DateOnly DueOn { get; set; }

    public ActionStatus Status { get; set; }

    public string Progress { get; set; } = "";

    public DateTimeOffset RaisedAt { get; set; }

    public required string RaisedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public int Version { get; set; }

    public bool IsClosed => Status is ActionStatus.Done or ActionStatus.Dropped;
}
