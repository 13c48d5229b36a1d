using SeriousViolence.Performance.Spc;
using Xunit;

namespace SeriousViolence.Tests.Spc;

/// <summary>
/// NHSRplotthedots decides a point by the first rule that fires, in the order: outside the limits, trend, two-in-three,
/// shift (ptd_special_cause_type; PR #180 for issues #171 and #122). The order matters for the direction: a rising trend
/// below the mean is an improvement when higher is better, although the shift it is also part of is below the mean.
/// </summary>
public sealed class RulePrecedenceTests
{
    // 12 14 ×4, then 6 7 8 9 10 10.5 11 (rising, below the mean), then 14 12 14 12 14.
    // Sum 104 + 61.5 + 66 = 231.5 over 20: mean 11.575.
    // Moving ranges: seven 2s, 8, 1 1 1 1 0.5 0.5, 3, four 2s: sum 38 over 19, mean 2; 8 ≥ 3.267 × 2 = 6.534 is
    // screened, leaving 30/18 = 1.666667. Limits 11.575 ± 4.433333 → 7.141667, 16.008333.
    // The 6 and 7 are below the lower limit; 6 ... 11, 14 (indices 8-15) rise eight times in a row; indices 8-14 are
    // seven below the mean; indices 0-7 are eight above it.
    private static readonly double[] Series20 = [12, 14, 12, 14, 12, 14, 12, 14, 6, 7, 8, 9, 10, 10.5, 11, 14, 12, 14, 12, 14];

    [Fact]
    public void Outside_the_limits_decides_over_a_trend_and_a_shift()
    {
        var result = Series.Analyse(Series20, Series.HigherIsBetter);

        Assert.Equal(7.141667, result.Segments[0].LowerProcessLimit, 6);
        foreach (var i in new[] { 8, 9 })
        {
            Assert.Equal(SpcRules.OutsideProcessLimits | SpcRules.Trend | SpcRules.Shift, result.Points[i].RulesFired);
            Assert.Equal(SpcRules.OutsideProcessLimits, result.Points[i].DecidingRule);
            Assert.Equal(PointVariation.SpecialCauseConcern, result.Points[i].Variation);
        }
    }

    [Fact]
    public void A_rising_trend_below_the_mean_is_an_improvement_because_the_trend_decides_over_the_shift()
    {
        var result = Series.Analyse(Series20, Series.HigherIsBetter);

        Assert.All(Series.Range(10, 5), i =>
        {
            Assert.Equal(SpcRules.Trend | SpcRules.Shift, result.Points[i].RulesFired);
            Assert.Equal(SpcRules.Trend, result.Points[i].DecidingRule);
            Assert.Equal(PointVariation.SpecialCauseImprovement, result.Points[i].Variation);
        });
        Assert.Equal(SpcRules.Trend, result.Points[15].RulesFired);
    }

    [Fact]
    public void A_shift_alone_is_judged_by_its_side_of_the_mean()
    {
        var result = Series.Analyse(Series20, Series.HigherIsBetter);

        Assert.All(Series.Range(0, 8), i =>
        {
            Assert.Equal(SpcRules.Shift, result.Points[i].DecidingRule);
            Assert.Equal(PointVariation.SpecialCauseImprovement, result.Points[i].Variation);
        });
        Assert.All(Series.Range(16, 4), i => Assert.Equal(PointVariation.CommonCause, result.Points[i].Variation));
    }

    [Fact]
    public void Two_in_three_decides_over_a_shift()
    {
        // The rebase series without its rebase: mean 7.583333, mean moving range 32/23 = 1.391304, lower near limit
        // 5.116087. Indices 0-11 are below the mean; the 5s (and the 4) are beyond the lower near limit, two in every
        // three, so they are decided by two-in-three; the 7s between them only by the shift.
        double[] values = [5, 7, 5, 7, 5, 7, 5, 7, 4, 5, 6, 7, 8, 9, 10, 9, 10, 9, 10, 9, 10, 9, 10, 9];
        var result = Series.Analyse(values, Series.HigherIsBetter);

        Assert.Equal(SpcRules.TwoInThree | SpcRules.Shift, result.Points[0].RulesFired);
        Assert.Equal(SpcRules.TwoInThree, result.Points[0].DecidingRule);
        Assert.Equal(SpcRules.Shift, result.Points[1].DecidingRule);
    }
}
