namespace SeriousViolence.Contracts;

/// <summary>A strand was removed from the platform's configuration; the Board stops showing it.</summary>
public sealed record StrandWithdrawn
{
    public required string StrandId { get; init; }

    public required long Revision { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }
}
