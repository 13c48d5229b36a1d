using SeriousViolence.Performance.Spc;
using Xunit;

namespace SeriousViolence.Tests.Spc;

public sealed class TrendRuleTests
{
    [Fact]
    public void Seven_points_each_higher_than_the_last_are_a_trend()
    {
        // Indices 6-12 are 2 3 4 5 6 7 8: seven points, six rises. Sum 79 over 16, mean 4.9375; moving ranges sum 28
        // over 15, mean 1.866667; limits 4.9375 ± 4.965333 and near limits 4.9375 ± 3.310222 (8.247722, 1.627278):
        // the 8 is just inside the upper near limit and the 2 inside the lower one, so only the trend fires.
        var result = Series.Analyse([4, 6, 4, 6, 4, 6, 2, 3, 4, 5, 6, 7, 8, 4, 6, 4], Series.HigherIsBetter);

        Assert.Equal(Series.Range(6, 7), Series.Where(result, SpcRules.Trend));
        Assert.Equal(Series.Range(6, 7), result.Points.Where(p => p.RulesFired != SpcRules.None).Select(p => p.Index));
        Assert.All(Series.Range(6, 7), i => Assert.Equal(PointVariation.SpecialCauseImprovement, result.Points[i].Variation));
    }

    // Indices 6-11 are 3 4 5 6 7 8: six points, five rises. The 4 at index 12 ends it.
    private static readonly double[] SixRising = [4, 6, 4, 6, 4, 6, 3, 4, 5, 6, 7, 8, 4, 6, 4, 6];

    [Fact]
    public void Six_rising_points_are_not_a_trend_by_default()
    {
        var result = Series.Analyse(SixRising, Series.HigherIsBetter);

        Assert.Empty(Series.Where(result, SpcRules.Trend));
        Assert.All(result.Points, p => Assert.Equal(PointVariation.CommonCause, p.Variation));
    }

    [Fact]
    public void Six_rising_points_are_a_trend_when_the_run_length_is_six()
    {
        var result = Series.Analyse(SixRising, Series.HigherIsBetter with { TrendRunLength = 6 });

        Assert.Equal(Series.Range(6, 6), Series.Where(result, SpcRules.Trend));
    }

    [Fact]
    public void Seven_points_each_lower_than_the_last_are_a_falling_trend()
    {
        // NHSRplotthedots test-ptd_calculate_point_type.R: ptd_seven_point_trend(7:1) ends a falling trend at the 7th
        // point (issue #167: 0.1.0 did not flag falling trends). Mean 4, mean moving range 1, limits 1.34 and 6.66, so the
        // 7 and the 1 are also outside the limits, which decides them; the five between are decided by the trend.
        var result = Series.Analyse([7, 6, 5, 4, 3, 2, 1], Series.HigherIsBetter);

        Assert.Equal(Series.Range(0, 7), Series.Where(result, SpcRules.Trend));
        Assert.All(Series.Range(1, 5), i =>
        {
            Assert.Equal(SpcRules.Trend, result.Points[i].DecidingRule);
            Assert.Equal(PointVariation.SpecialCauseConcern, result.Points[i].Variation);
        });
    }

    [Fact]
    public void A_repeated_value_breaks_a_trend()
    {
        // NHSRplotthedots test-ptd_calculate_point_type.R: ptd_seven_point_trend(c(1:3, 3:6)) finds no trend, while
        // ptd_seven_point_trend(1:7) does.
        var repeated = Series.Analyse([1, 2, 3, 3, 4, 5, 6], Series.HigherIsBetter);
        var rising = Series.Analyse([1, 2, 3, 4, 5, 6, 7], Series.HigherIsBetter);

        Assert.Empty(Series.Where(repeated, SpcRules.Trend));
        Assert.Equal(Series.Range(0, 7), Series.Where(rising, SpcRules.Trend));
    }

    [Fact]
    public void Only_the_points_of_the_trend_are_flagged()
    {
        // NHSRplotthedots test-ptd_calculate_point_type.R: ptd_seven_point_trend(c(2, 1:7, 3)) ends a trend at the 8th
        // point, and ptd_part_of_seven_trend marks the seven before it: indices 1-7. Mean 33/9 = 3.666667, moving ranges
        // 1 ×7 and 4, mean 11/8 = 1.375, limits 0.009167 and 7.324167: nothing is outside.
        var result = Series.Analyse([2, 1, 2, 3, 4, 5, 6, 7, 3], Series.HigherIsBetter);

        Assert.Equal(Series.Range(1, 7), Series.Where(result, SpcRules.Trend));
        Assert.Equal(PointVariation.CommonCause, result.Points[0].Variation);
        Assert.Equal(PointVariation.CommonCause, result.Points[8].Variation);
        Assert.All(Series.Range(1, 7), i => Assert.Equal(PointVariation.SpecialCauseImprovement, result.Points[i].Variation));
    }
}
