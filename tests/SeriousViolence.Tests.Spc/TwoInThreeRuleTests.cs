using SeriousViolence.Performance.Spc;
using Xunit;

namespace SeriousViolence.Tests.Spc;

public sealed class TwoInThreeRuleTests
{
    [Fact]
    public void Two_of_three_points_beyond_the_near_limit_on_one_side_are_special_cause()
    {
        // Steady twelve, then 13.5 12 13.5 11 10 12: sum 198 over 18, mean 11.
        // Moving ranges: eleven 1s, then 2.5 1.5 1.5 2.5 1 2: sum 22 over 17, mean 1.294118 (screening keeps all).
        // Near limit 11 + 1.773333 × 1.294118 = 13.294902; process limit 11 + 2.66 × 1.294118 = 14.442353.
        // Indices 12-14 (13.5 12 13.5) are all above the mean and two are beyond the near limit: those two are flagged,
        // the 12 between them is not.
        var result = Series.Analyse([.. Series.Steady, 13.5, 12, 13.5, 11, 10, 12], Series.HigherIsBetter);

        Assert.Equal(13.294902, result.Segments[0].UpperNearLimit, 6);
        Assert.Equal([12, 14], Series.Where(result, SpcRules.TwoInThree));
        Assert.Equal(PointVariation.SpecialCauseImprovement, result.Points[12].Variation);
        Assert.Equal(PointVariation.CommonCause, result.Points[13].Variation);
        Assert.Equal(2, result.Points.Count(p => p.Variation != PointVariation.CommonCause));
    }

    [Fact]
    public void Points_beyond_the_near_limits_on_opposite_sides_of_the_mean_are_common_cause()
    {
        // NHSRplotthedots test-ptd_spc_standard.R ("it only reports special cause for 2of3 points close to limits when
        // they are on the same side of the mean", issue #143): 1 -1 repeated, the last two 5.5 and -5.5; both expected
        // common cause. Mean 0. Moving ranges: thirteen 2s, 6.5, 11: mean 43.5/15 = 2.9; 11 ≥ 3.267 × 2.9 = 9.4743 is
        // screened, leaving 32.5/14 = 2.321429. Near limits ±4.116667, process limits ±6.175.
        double[] values = [1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 5.5, -5.5];
        var result = Series.Analyse(values, Series.HigherIsBetter);

        Assert.Equal(4.116667, result.Segments[0].UpperNearLimit, 6);
        Assert.Equal(PointVariation.CommonCause, result.Points[14].Variation);
        Assert.Equal(PointVariation.CommonCause, result.Points[15].Variation);
    }

    // Steady twelve, then 13.5 15 11.5 11 10 11: sum 198 over 18, mean 11. Moving ranges: eleven 1s, then
    // 2.5 1.5 3.5 0.5 1 1: sum 21 over 17, mean 1.235294. Near limit 13.190588, process limit 14.285882.
    // 13.5 is between them, 15 is beyond the process limit, 11.5 is above the mean: one window, all above the mean.
    private static readonly double[] NearThenBeyond = [.. Series.Steady, 13.5, 15, 11.5, 11, 10, 11];

    [Fact]
    public void A_point_beyond_the_process_limit_does_not_count_towards_two_in_three_by_default()
    {
        // NHSRplotthedots' close_to_limits is !outside_limits & (beyond a near limit): the 15 does not count, so the 13.5
        // is alone (issue #153 confirms this reading).
        var result = Series.Analyse(NearThenBeyond, Series.HigherIsBetter);

        Assert.Equal(14.285882, result.Segments[0].UpperProcessLimit, 6);
        Assert.Empty(Series.Where(result, SpcRules.TwoInThree));
        Assert.Equal(PointVariation.CommonCause, result.Points[12].Variation);
        Assert.Equal(SpcRules.OutsideProcessLimits, result.Points[13].RulesFired);
    }

    [Fact]
    public void A_point_beyond_the_process_limit_counts_towards_two_in_three_when_the_option_is_set()
    {
        var result = Series.Analyse(NearThenBeyond, Series.HigherIsBetter with { TwoInThreeIncludesBeyondLimits = true });

        Assert.Equal([12, 13], Series.Where(result, SpcRules.TwoInThree));
        Assert.Equal(PointVariation.SpecialCauseImprovement, result.Points[12].Variation);
        Assert.Equal(SpcRules.OutsideProcessLimits | SpcRules.TwoInThree, result.Points[13].RulesFired);
        Assert.Equal(SpcRules.OutsideProcessLimits, result.Points[13].DecidingRule);
        Assert.Equal(PointVariation.CommonCause, result.Points[14].Variation);
    }
}
