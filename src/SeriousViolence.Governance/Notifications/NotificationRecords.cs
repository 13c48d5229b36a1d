namespace SeriousViolence.Governance.Notifications;

/// <summary>An in-app notification for one person (the bell).</summary>
[SeriousViolence.Plugins.NotAudited] // a message to one person, not a change to the strategy
public sealed class Notification
{
    public Guid Id { get; set; }

    public required string RecipientId { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>An e-mail waiting in the outbox, or sent (<see cref="SentAt"/>).</summary>
[SeriousViolence.Plugins.NotAudited] // the mail outbox: plumbing
public sealed class OutgoingEmail
{
    public Guid Id { get; set; }

    /// <summary>Commit order: mail is sent oldest first.</summary>
    public long Seq { get; set; }

    public required string RecipientEmail { get; set; }

    public required string RecipientName { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }
}
