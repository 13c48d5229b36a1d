namespace SeriousViolence.Performance.Spc;

/// <summary>One stretch of the series between rebases, with the limits computed for it.</summary>
public sealed record SpcSegment
{
    /// <summary>0 for the first segment, then one more at each rebase.</summary>
    public required int Number { get; init; }

    /// <summary>Index in the series of the segment's first point.</summary>
    public required int FirstIndex { get; init; }

    public required int Count { get; init; }

    /// <summary>The points the limits were computed from: all of them, or the first <see cref="SpcOptions.FixAfterPoints"/>.</summary>
    public required int BaselineCount { get; init; }

    public required double Mean { get; init; }

    /// <summary>After screening when it is on. NaN when no moving range is left (one point, or every range screened out).</summary>
    public required double MeanMovingRange { get; init; }

    /// <summary>How many moving ranges screening left out.</summary>
    public required int ScreenedMovingRanges { get; init; }

    public required double LowerProcessLimit { get; init; }

    public required double UpperProcessLimit { get; init; }

    public required double LowerNearLimit { get; init; }

    public required double UpperNearLimit { get; init; }

    /// <summary>Fewer points than <see cref="SpcOptions.TrialLimitThreshold"/>: the limits are trial limits.</summary>
    public required bool IsTrial { get; init; }
}
