namespace SeriousViolence.Performance.Spc;

/// <summary>
/// Funnel plot for comparing units (boroughs) on a proportion: binomial control limits around the overall proportion,
/// p̄ ± z·√(p̄(1 − p̄)/n), for each unit's denominator n. p̄ is pooled: Σ numerators / Σ denominators.
/// <para>
/// This is the convention of the PHE (now OHID) Fingertips technical guidance as PHEindicatormethods implements it
/// (R/Funnels.R: <c>sigma_adjustment</c>, <c>phe_funnel_significance</c>). Its limits are written as the proportion at
/// which the Wilson score interval touches p̄; solving that quadratic gives exactly p̄ ± z·√(p̄(1 − p̄)/n), so the two agree
/// (a test checks it). The bands are theirs: 95% (z = qnorm(0.975), ≈2σ) and 99.8% (z = qnorm(0.999), ≈3σ), and a unit is
/// above or below a band only strictly beyond it. Exact-binomial limits (Spiegelhalter 2005) are not implemented.
/// </para>
/// </summary>
public static class FunnelPlot
{
    /// <summary>qnorm(0.975): the two-sided 95% band.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>qnorm(0.999): the two-sided 99.8% band.</summary>
    public const double Z998 = 3.090232306167813;

    public static FunnelResult Analyse(IReadOnlyList<FunnelUnit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (units.Count == 0)
        {
            throw new ArgumentException("A funnel plot needs at least one unit.", nameof(units));
        }

        double numerators = 0, denominators = 0;
        foreach (var unit in units)
        {
            Validate(unit, nameof(units));
            numerators += unit.Numerator;
            denominators += unit.Denominator;
        }

        var overall = numerators / denominators;
        var results = units.Select(unit =>
        {
            var proportion = unit.Numerator / unit.Denominator;
            return new FunnelUnitResult(
                unit.Label,
                unit.Numerator,
                unit.Denominator,
                proportion,
                Band(proportion, overall, unit.Denominator, Z95),
                Band(proportion, overall, unit.Denominator, Z998));
        }).ToList();

        return new FunnelResult(overall, results);
    }

    /// <summary>
    /// The limits at denominator n, for drawing the funnel's curves. Not clamped: near p̄ = 0 or 1, or for small n,
    /// they can fall outside [0, 1], where no proportion lies, so clamping for display changes no classification.
    /// </summary>
    public static (double Lower, double Upper) Limits(double overallProportion, double denominator, double z)
    {
        if (overallProportion is < 0 or > 1 || double.IsNaN(overallProportion))
        {
            throw new ArgumentOutOfRangeException(nameof(overallProportion), overallProportion, "A proportion lies between 0 and 1.");
        }

        if (!(denominator > 0) || double.IsInfinity(denominator))
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "The denominator must be greater than zero.");
        }

        var halfWidth = z * Math.Sqrt(overallProportion * (1 - overallProportion) / denominator);
        return (overallProportion - halfWidth, overallProportion + halfWidth);
    }

    private static FunnelBand Band(double proportion, double overall, double denominator, double z)
    {
        var (lower, upper) = Limits(overall, denominator, z);
        var position = proportion > upper ? FunnelPosition.Above
            : proportion < lower ? FunnelPosition.Below
            : FunnelPosition.Within;
        return new FunnelBand(lower, upper, position);
    }

    // PHEindicatormethods refuses the same inputs, with the same reasons.
    private static void Validate(FunnelUnit unit, string parameter)
    {
        ArgumentNullException.ThrowIfNull(unit, parameter);
        if (!(unit.Denominator > 0) || double.IsInfinity(unit.Denominator))
        {
            throw new ArgumentException($"{unit.Label}: the denominator must be greater than zero.", parameter);
        }

        if (!(unit.Numerator >= 0) || unit.Numerator > unit.Denominator)
        {
            throw new ArgumentException(
                $"{unit.Label}: the numerator must be between zero and the denominator for a proportion.", parameter);
        }
    }
}
