namespace SeriousViolence.Contracts;

/// <summary>
/// Something a strand must tell its leads now, not at the next Board (an FIU deadline about to pass, a breach): the
/// platform gives each lead of the strand an in-app notification and, where it has their address, an e-mail through its
/// SMTP outbox. Aggregate or pseudonymous text only, as everything a strand publishes. Applied once per
/// <see cref="NoticeId"/>.
/// </summary>
public sealed record StrandNoticeRaised
{
    public required Guid NoticeId { get; init; }

    public required string StrandId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>One line, at most 200 characters.</summary>
    public required string Subject { get; init; }

    /// <summary>At most 2,000 characters.</summary>
    public required string Body { get; init; }

    /// <summary>A path under the strand's own page ("/strands/" and its id, then anything), or null; anything else is dropped.</summary>
    public string? Link { get; init; }
}
