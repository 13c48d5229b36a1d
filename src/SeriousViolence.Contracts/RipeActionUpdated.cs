namespace SeriousViolence.Contracts;

/// <summary>
/// An objective of a strand's action plan (a "RIPE action") as it stands at <see cref="Revision"/>: published when it
/// is seeded, edited, progressed or re-announced. Categories and statuses travel as the names the strategy uses.
/// </summary>
public sealed record RipeActionUpdated
{
    public required string StrandId { get; init; }

    public required Guid ObjectiveId { get; init; }

    /// <summary>The objective's revision; increases with every change.</summary>
    public required long Revision { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Reassurance, Intelligence, Prevention, Enforcement: one or more.</summary>
    public required IReadOnlyList<string> Ripe { get; init; }

    /// <summary>1, 2 or both.</summary>
    public required IReadOnlyList<int> Years { get; init; }

    /// <summary>NotStarted, OnTrack, AtRisk, OffTrack, Complete or Cancelled.</summary>
    public required string Status { get; init; }

    /// <summary>Red, Amber, Green, or null when not yet assessed.</summary>
    public string? Rag { get; init; }

    public required int PercentComplete { get; init; }

    /// <summary>Theme codes: drugs, alcohol, mental-health, guns, knives.</summary>
    public required IReadOnlyList<string> Themes { get; init; }

    public required string Text { get; init; }

    /// <summary>Financial quarter the objective is due, as "2007/08 Q4", or null.</summary>
    public string? DueQuarter { get; init; }

    /// <summary>The action owner as the plan names them, or null. Added for the Board's cross-cutting views.</summary>
    public string? Owner { get; init; }

    /// <summary>Partners the objective involves, as the strategy names them. Empty from publishers that predate it.</summary>
    public IReadOnlyList<string> Partners { get; init; } = [];

    /// <summary>Boroughs the objective is aimed at, by name. Empty from publishers that predate it.</summary>
    public IReadOnlyList<string> Boroughs { get; init; } = [];
}
