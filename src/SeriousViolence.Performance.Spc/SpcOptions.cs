namespace SeriousViolence.Performance.Spc;

/// <summary>
/// How to analyse a series. The defaults are NHSRplotthedots 0.2.x's (<c>ptd_spc()</c>); each option names the variant
/// some other NHS tool uses, so a chart can be made to agree with that tool when a board pack must.
/// </summary>
public sealed record SpcOptions
{
    /// <summary>NHSRplotthedots' <c>fix_after_n_points</c> must be at least 12 (ptd_spc_options.R); so must ours.</summary>
    public const int MinimumFixAfterPoints = 12;

    /// <summary>Required: a wrong default polarity would silently swap improvement and concern.</summary>
    public required Polarity Polarity { get; init; }

    /// <summary>The target the assurance icon compares with the process limits; none gives no assurance icon.</summary>
    public double? Target { get; init; }

    /// <summary>Points in a row on one side of the mean that make a shift. NHSRplotthedots: 7; some MDC tools allow 6.</summary>
    public int ShiftRunLength { get; init; } = 7;

    /// <summary>
    /// Points (not intervals) in a row each strictly above (or below) the one before that make a trend: 7 points are
    /// 6 rises. NHSRplotthedots: 7 (ptd_seven_point_trend); some MDC tools allow 6.
    /// </summary>
    public int TrendRunLength { get; init; } = 7;

    /// <summary>
    /// Drop moving ranges at or above 3.267 × the mean moving range, then take the mean again, before setting limits.
    /// NHSRplotthedots' <c>screen_outliers</c>, on by default; the MDC Excel tools do not screen.
    /// </summary>
    public bool ScreenMovingRanges { get; init; } = true;

    /// <summary>
    /// Whether a point beyond a process limit also counts as beyond the near limit in the two-in-three rule.
    /// NHSRplotthedots counts only points between the near and the process limit (false); the MDC single-chart tool
    /// since late 2023 counts every point beyond the near limit (true).
    /// </summary>
    public bool TwoInThreeIncludesBeyondLimits { get; init; }

    /// <summary>Compute each segment's limits from its first n points only, and judge later points against them.</summary>
    public int? FixAfterPoints { get; init; }

    /// <summary>
    /// Periods at which the process changed: each starts a new segment with its own limits, and no rule runs across the
    /// boundary (NHSRplotthedots' <c>rebase</c>). Each must be the <see cref="SpcPoint.Period"/> of a point.
    /// </summary>
    public IReadOnlyCollection<string> RebaseAt { get; init; } = [];

    /// <summary>A segment with fewer points than this has trial limits and a warning (NHSRplotthedots: 12).</summary>
    public int TrialLimitThreshold { get; init; } = 12;

    internal void Validate()
    {
        if (ShiftRunLength < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(ShiftRunLength), ShiftRunLength, "A shift needs at least 2 points.");
        }

        if (TrendRunLength < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(TrendRunLength), TrendRunLength, "A trend needs at least 2 points.");
        }

        if (FixAfterPoints < MinimumFixAfterPoints)
        {
            throw new ArgumentOutOfRangeException(
                nameof(FixAfterPoints), FixAfterPoints, $"Limits can be fixed after {MinimumFixAfterPoints} points or more.");
        }

        if (TrialLimitThreshold < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(TrialLimitThreshold), TrialLimitThreshold, "Must be at least 1.");
        }

        if (Target is { } target && !double.IsFinite(target))
        {
            throw new ArgumentOutOfRangeException(nameof(Target), target, "A target must be a finite number.");
        }

        ArgumentNullException.ThrowIfNull(RebaseAt);
    }
}
