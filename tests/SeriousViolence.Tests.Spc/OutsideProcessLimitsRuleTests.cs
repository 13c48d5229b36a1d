using SeriousViolence.Performance.Spc;
using Xunit;

namespace SeriousViolence.Tests.Spc;

public sealed class OutsideProcessLimitsRuleTests
{
    [Fact]
    public void A_point_above_the_upper_process_limit_is_special_cause_high()
    {
        // The screening series: upper limit 4.604444, and the 10 at index 4 is above it. Nothing else fires.
        var result = Series.Analyse([1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1], Series.HigherIsBetter);

        Assert.Equal([4], Series.Where(result, SpcRules.OutsideProcessLimits));
        Assert.Equal(SpcRules.OutsideProcessLimits, result.Points[4].DecidingRule);
        Assert.Equal(PointVariation.SpecialCauseImprovement, result.Points[4].Variation);
        Assert.All(result.Points.Where(p => p.Index != 4), p => Assert.Equal(PointVariation.CommonCause, p.Variation));
    }

    [Fact]
    public void A_point_below_the_lower_process_limit_is_special_cause_low()
    {
        // The same series mirrored: the -10 is below the lower limit -4.604444.
        var result = Series.Analyse([-1, -2, -1, -2, -10, -1, -2, -1, -2, -1, -2, -1, -2, -1, -2, -1, -2, -1], Series.HigherIsBetter);

        Assert.Equal([4], Series.Where(result, SpcRules.OutsideProcessLimits));
        Assert.Equal(PointVariation.SpecialCauseConcern, result.Points[4].Variation);
    }

    [Fact]
    public void A_point_exactly_on_a_process_limit_is_not_outside_it()
    {
        // Limits fixed on the steady twelve (10.5 ± 2.66 = 7.84, 13.16); the thirteenth point lies exactly on the upper
        // limit. ptd_spc_standard compares strictly (y > upl), so it is inside; one ulp above, it is outside.
        var options = Series.HigherIsBetter with { FixAfterPoints = 12 };
        var upper = Series.Analyse(Series.Steady, options).Segments[0].UpperProcessLimit;
        Assert.Equal(13.16, upper, 12);

        var on = Series.Analyse([.. Series.Steady, upper], options);
        var above = Series.Analyse([.. Series.Steady, Math.BitIncrement(upper)], options);

        Assert.False(on.Points[12].RulesFired.HasFlag(SpcRules.OutsideProcessLimits));
        Assert.True(above.Points[12].RulesFired.HasFlag(SpcRules.OutsideProcessLimits));
    }
}
