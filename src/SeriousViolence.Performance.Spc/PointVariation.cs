namespace SeriousViolence.Performance.Spc;

/// <summary>What a point shows: NHSRplotthedots' <c>point_type</c>.</summary>
public enum PointVariation
{
    CommonCause,

    /// <summary>Special cause in the good direction for the measure's polarity.</summary>
    SpecialCauseImprovement,

    /// <summary>Special cause in the bad direction for the measure's polarity.</summary>
    SpecialCauseConcern,

    /// <summary>Special cause, high, on a measure with neutral polarity.</summary>
    SpecialCauseNeutralHigh,

    /// <summary>Special cause, low, on a measure with neutral polarity.</summary>
    SpecialCauseNeutralLow,
}
