using SeriousViolence.Performance.Spc;
using Xunit;

namespace SeriousViolence.Tests.Spc;

public sealed class ShiftRuleTests
{
    [Fact]
    public void Seven_points_in_a_row_above_the_mean_are_a_shift()
    {
        // Sum 66 over 15: mean 4.4. Indices 5-11 (5 6 5 6 5 6 5) are all above it; 2s are below, the 6s at 1 and 3 stand alone.
        // Moving ranges 4 4 4 4 3 1 1 1 1 1 1 3 4 4: mean 36/14 = 2.571429. Limits 4.4 ± 6.84; near limits 4.4 ± 4.56:
        // 8.96 and -0.16, so nothing is near a limit, and no run rises or falls for seven points.
        var result = Series.Analyse([2, 6, 2, 6, 2, 5, 6, 5, 6, 5, 6, 5, 2, 6, 2], Series.HigherIsBetter);

        Assert.Equal(4.4, result.Segments[0].Mean, 12);
        Assert.Equal(Series.Range(5, 7), Series.Where(result, SpcRules.Shift));
        Assert.All(Series.Range(5, 7), i => Assert.Equal(SpcRules.Shift, result.Points[i].DecidingRule));
        Assert.Equal(7, result.Points.Count(p => p.Variation == PointVariation.SpecialCauseImprovement));
    }

    // Sum 69 over 16: mean 4.3125. Indices 5-10 (5 6 5 6 5 6) are six in a row above it; the 2 at index 11 ends the run.
    private static readonly double[] SixAbove = [2, 6, 2, 6, 2, 5, 6, 5, 6, 5, 6, 2, 2, 6, 2, 6];

    [Fact]
    public void Six_points_in_a_row_are_not_a_shift_by_default()
    {
        var result = Series.Analyse(SixAbove, Series.HigherIsBetter);

        Assert.Empty(Series.Where(result, SpcRules.Shift));
        Assert.All(result.Points, p => Assert.Equal(PointVariation.CommonCause, p.Variation));
    }

    [Fact]
    public void Six_points_in_a_row_are_a_shift_when_the_run_length_is_six()
    {
        var result = Series.Analyse(SixAbove, Series.HigherIsBetter with { ShiftRunLength = 6 });

        Assert.Equal(Series.Range(5, 6), Series.Where(result, SpcRules.Shift));
    }

    [Fact]
    public void A_point_exactly_on_the_mean_breaks_a_shift()
    {
        // Sum 0 over 16: mean 0. Indices 5-11 are 1 2 1 0 1 2 1: the 0 at index 8 is on the mean (sign 0), leaving
        // three above, a point on the mean, three above.
        var result = Series.Analyse([-3, 3, -3, 3, -3, 1, 2, 1, 0, 1, 2, 1, -3, 3, -3, -2], Series.HigherIsBetter);

        Assert.Equal(0, result.Segments[0].Mean);
        Assert.Empty(Series.Where(result, SpcRules.Shift));
    }

    [Fact]
    public void The_same_run_with_that_point_just_above_the_mean_is_a_shift()
    {
        // The 0 becomes 0.5 and the last point -2.5, so the mean stays 0 and indices 5-11 are seven above it.
        var result = Series.Analyse([-3, 3, -3, 3, -3, 1, 2, 1, 0.5, 1, 2, 1, -3, 3, -3, -2.5], Series.HigherIsBetter);

        Assert.Equal(0, result.Segments[0].Mean);
        Assert.Equal(Series.Range(5, 7), Series.Where(result, SpcRules.Shift));
    }
}
