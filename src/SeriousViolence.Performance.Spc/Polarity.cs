namespace SeriousViolence.Performance.Spc;

/// <summary>Which direction of a measure is good: NHSRplotthedots' <c>improvement_direction</c>.</summary>
public enum Polarity
{
    /// <summary><c>"increase"</c>: a rise is an improvement.</summary>
    HigherIsBetter,

    /// <summary><c>"decrease"</c>: a fall is an improvement (most crime measures).</summary>
    LowerIsBetter,

    /// <summary><c>"neutral"</c>: neither direction is better; special causes are only high or low, and there is no assurance.</summary>
    Neutral,
}
