namespace SeriousViolence.Performance.Spc;

/// <summary>The Making Data Count variation icon, from the latest point (NHSRplotthedots' geom_ptd_icon.R).</summary>
public enum VariationIcon
{
    CommonCause,
    SpecialCauseImprovementHigh,
    SpecialCauseImprovementLow,
    SpecialCauseConcernHigh,
    SpecialCauseConcernLow,

    /// <summary>Special cause, high, where neither direction is better.</summary>
    SpecialCauseNeitherHigh,

    /// <summary>Special cause, low, where neither direction is better.</summary>
    SpecialCauseNeitherLow,
}

/// <summary>The Making Data Count assurance icon: can the process be relied on to meet its target?</summary>
public enum AssuranceIcon
{
    /// <summary>No target, or neutral polarity.</summary>
    None,

    /// <summary>The target lies beyond the process limits on the bad side: every point can be expected to pass.</summary>
    ConsistentlyPasses,

    /// <summary>The target lies beyond the process limits on the good side: every point can be expected to fail.</summary>
    ConsistentlyFails,

    /// <summary>The target lies between (or on) the limits: it will be hit and missed by random variation.</summary>
    HitAndMiss,
}
