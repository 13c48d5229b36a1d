namespace SeriousViolence.Contracts;

/// <summary>
/// What a strand wants the Board to see on its card besides its action plan: a few labelled figures with a status and a
/// link, computed by the strand from its own records. Each message replaces the strand's earlier highlights from the same
/// <see cref="Source"/>, so an empty list clears them. The Board shows them without knowing the strand.
/// </summary>
public sealed record StrandHighlightsPublished
{
    public required string StrandId { get; init; }

    /// <summary>
    /// Which of the strand's registers publishes these ("" by default; e.g. "returns:mappa", "fiu"): a strand with
    /// several registers publishes each one's highlights on its own, and one never replaces another's.
    /// </summary>
    public string Source { get; init; } = "";

    /// <summary>Increases with every publication by the strand from the same <see cref="Source"/>.</summary>
    public required long Revision { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required IReadOnlyList<StrandHighlight> Highlights { get; init; }
}

/// <summary>One highlight: "Disruptions this quarter: 14 (target 12)", with a status and where to read more.</summary>
public sealed record StrandHighlight
{
    /// <summary>Stable within the strand, e.g. "disruptions-quarter".</summary>
    public required string Key { get; init; }

    public required string Title { get; init; }

    public required IReadOnlyList<HighlightFigure> Figures { get; init; }

    /// <summary>good, concern or neutral: how the strand reads its figures (the Board shows it, never computes it).</summary>
    public required string Status { get; init; }

    /// <summary>A path in the platform (the strand's own page), or null.</summary>
    public string? Link { get; init; }

    /// <summary>OFFICIAL or OFFICIAL-SENSITIVE.</summary>
    public string Marking { get; init; } = "OFFICIAL";

    /// <summary>
    /// Set when the Board must discuss this (e.g. "3 serious case review recommendations overdue", "2 FIU deadlines
    /// breached in November"): the Board's draft agenda then carries it as an item of the strand, linked to
    /// <see cref="Link"/>. Null for a figure that is only for information.
    /// </summary>
    public string? Agenda { get; init; }
}

public sealed record HighlightFigure
{
    public required string Label { get; init; }

    /// <summary>As the strand writes it: "14", "86%", "3 of 5".</summary>
    public required string Value { get; init; }
}
