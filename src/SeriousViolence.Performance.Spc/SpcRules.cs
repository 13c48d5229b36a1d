namespace SeriousViolence.Performance.Spc;

/// <summary>
/// The special-cause rules, in NHSRplotthedots' order of precedence (ptd_special_cause_type): when several fire on a
/// point, the first listed decides whether it is high or low.
/// </summary>
[Flags]
public enum SpcRules
{
    None = 0,

    /// <summary>Above the upper or below the lower process limit (strictly).</summary>
    OutsideProcessLimits = 1,

    /// <summary>Part of a run of <see cref="SpcOptions.TrendRunLength"/> points each strictly above (or below) the one before.</summary>
    Trend = 2,

    /// <summary>
    /// Beyond a near limit, with at least two of three consecutive points beyond the near limit and all three on the same
    /// side of the mean. Only the points beyond the near limit are flagged, not the third.
    /// </summary>
    TwoInThree = 4,

    /// <summary>Part of a run of <see cref="SpcOptions.ShiftRunLength"/> points on one side of the mean; a point on the mean breaks it.</summary>
    Shift = 8,
}
