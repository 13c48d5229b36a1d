namespace SeriousViolence.Performance.Spc;

/// <summary>One unit to compare, such as a borough: events (numerator) out of the population or cases (denominator).</summary>
public sealed record FunnelUnit(string Label, double Numerator, double Denominator);

/// <summary>Where a unit's proportion lies against one band of the funnel.</summary>
public enum FunnelPosition
{
    Within,
    Above,
    Below,
}

/// <summary>One band's limits at the unit's denominator, and where the unit lies against them.</summary>
public sealed record FunnelBand(double Lower, double Upper, FunnelPosition Position);

public sealed record FunnelUnitResult(
    string Label,
    double Numerator,
    double Denominator,
    double Proportion,
    FunnelBand Band95,
    FunnelBand Band998);

/// <summary>The overall (pooled) proportion the funnel is centred on, and each unit against the 95% and 99.8% bands.</summary>
public sealed record FunnelResult(double OverallProportion, IReadOnlyList<FunnelUnitResult> Units);
