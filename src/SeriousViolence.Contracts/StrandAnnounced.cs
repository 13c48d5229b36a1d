namespace SeriousViolence.Contracts;

/// <summary>
/// A strand is part of the platform, with its descriptor as it stands at <see cref="Revision"/>. Published at every
/// start-up and whenever the Board asks strands to re-announce, so the Board can be rebuilt from messages alone.
/// </summary>
public sealed record StrandAnnounced
{
    public required string StrandId { get; init; }

    /// <summary>Revision of the strand's registration; increases whenever the descriptor changes.</summary>
    public required long Revision { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required int Number { get; init; }

    public required string Name { get; init; }

    public required string Operation { get; init; }

    public required string LeadRole { get; init; }

    public required IReadOnlyList<string> Aim { get; init; }

    public required string PagePath { get; init; }
}
