namespace SeriousViolence.Contracts;

/// <summary>
/// The strategy's shared content as it now stands: the aim, the seven key outcomes, the cross-cutting themes, the
/// partners, the operations and programmes register and the priority borough sets. Published by Plans at start-up,
/// when the register changes and whenever the Board asks for a re-announcement, so the Board never reads Plans' tables.
/// </summary>
public sealed record StrategyAnnounced
{
    /// <summary>Increases with every change to what is announced (a re-announcement of the same content repeats it).</summary>
    public required long Revision { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required string Aim { get; init; }

    public required IReadOnlyList<AnnouncedKeyOutcome> KeyOutcomes { get; init; }

    public required IReadOnlyList<AnnouncedTheme> Themes { get; init; }

    public required IReadOnlyList<AnnouncedPartner> Partners { get; init; }

    public required IReadOnlyList<AnnouncedOperation> Operations { get; init; }

    public required IReadOnlyList<AnnouncedBoroughSet> BoroughSets { get; init; }
}

public sealed record AnnouncedKeyOutcome
{
    public required int Number { get; init; }

    public required string Text { get; init; }
}

public sealed record AnnouncedTheme
{
    /// <summary>drugs, alcohol, mental-health, guns, knives.</summary>
    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>"cross-cutting" or "weapon-enabled".</summary>
    public required string Kind { get; init; }
}

public sealed record AnnouncedPartner
{
    public required string Name { get; init; }

    public string? FullName { get; init; }
}

public sealed record AnnouncedOperation
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required string Kind { get; init; }

    public required string Description { get; init; }

    public required IReadOnlyList<string> StrandIds { get; init; }

    /// <summary>Borough names as written.</summary>
    public required IReadOnlyList<string> Boroughs { get; init; }

    public required IReadOnlyList<string> Partners { get; init; }

    public required long Revision { get; init; }
}

public sealed record AnnouncedBoroughSet
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>How many boroughs the source says the set has, where it says.</summary>
    public int? StatedCount { get; init; }

    /// <summary>Borough names as written; empty where the source documents do not list them.</summary>
    public required IReadOnlyList<string> Boroughs { get; init; }
}
