namespace SeriousViolence.Performance.Spc;

/// <summary>An analysed XmR chart: every point, each segment's limits, the two icons and any warnings.</summary>
public sealed record SpcResult
{
    public required IReadOnlyList<SpcPointResult> Points { get; init; }

    public required IReadOnlyList<SpcSegment> Segments { get; init; }

    /// <summary>From the latest point.</summary>
    public required VariationIcon Variation { get; init; }

    /// <summary>From the target and the latest segment's limits.</summary>
    public required AssuranceIcon Assurance { get; init; }

    /// <summary>Sentences for the reader of the chart, such as trial limits on a short segment.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
