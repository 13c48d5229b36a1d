namespace SeriousViolence.Abstractions;

/// <summary>
/// What a strand is, as the strategy (seeds/003) describes it. One per strand plugin; the platform announces it to the
/// Board and builds navigation from it.
/// </summary>
public sealed record StrandDescriptor
{
    /// <summary>Stable slug used in URLs, messages and schema names. Never change it once data exists.</summary>
    public required string Id { get; init; }

    /// <summary>The strand's number in the strategy (1-8 for the strategy's own strands).</summary>
    public required int Number { get; init; }

    public required string Name { get; init; }

    /// <summary>The operation or unit that delivers the strand, e.g. "Operation Jigsaw".</summary>
    public required string Operation { get; init; }

    public required string LeadRole { get; init; }

    /// <summary>The strand's aim as written in the strategy's action-plan table, one entry per paragraph or bullet.</summary>
    public required IReadOnlyList<string> Aim { get; init; }

    /// <summary>The strand's success measures as written in the strategy's action-plan table.</summary>
    public required IReadOnlyList<string> SuccessMeasures { get; init; }

    /// <summary>The strand's own page; each plugin serves it from its own assembly.</summary>
    public string PagePath => "/strands/" + Id;

    /// <summary>The PostgreSQL schema for the strand's own records (one schema per module).</summary>
    public string Schema => "strand_" + Id.Replace('-', '_');
}
