namespace SeriousViolence.Contracts;

/// <summary>
/// A success measure's definition as it now stands: what the Board needs to name it, tie it to key outcomes and
/// strands, and read its observations (polarity and target for the variation and assurance icons). Published by
/// Performance at start-up and whenever the Board asks for a re-announcement.
/// </summary>
public sealed record MeasureDefined
{
    public required string MeasureCode { get; init; }

    /// <summary>Increases whenever the definition changes.</summary>
    public required long Revision { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required string Name { get; init; }

    /// <summary>count, rate-per-1000, percentage or days.</summary>
    public required string Unit { get; init; }

    /// <summary>higher-is-better, lower-is-better or neutral.</summary>
    public required string Polarity { get; init; }

    /// <summary>monthly, quarterly or annual: which period kind the measure is charted on.</summary>
    public required string Frequency { get; init; }

    public decimal? TargetValue { get; init; }

    public string? TargetText { get; init; }

    /// <summary>Numbers (1-7) of the key outcomes the measure evidences.</summary>
    public required IReadOnlyList<int> KeyOutcomes { get; init; }

    public required IReadOnlyList<string> StrandIds { get; init; }

    /// <summary>The strand whose plugin declares (owns) the measure; null from publishers that predate it.</summary>
    public string? OwnerStrandId { get; init; }

    /// <summary>Why the measure is only a proxy for what the strategy asks, or null when it measures that itself.</summary>
    public string? Proxy { get; init; }
}
