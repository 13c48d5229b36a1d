using SeriousViolence.Performance.Spc;
using Xunit;

namespace SeriousViolence.Tests.Spc;

public sealed class BaselineTests
{
    // Steady twelve, then 12 14 ×4.
    private static readonly double[] StepUp = [.. Series.Steady, .. Series.Repeat([12, 14], 4)];

    [Fact]
    public void Limits_fixed_after_twelve_points_come_from_those_twelve_and_judge_the_points_after()
    {
        // Baseline: mean 10.5, mean moving range 1, limits 7.84 and 13.16. Every 14 after it is outside; from index 11
        // (11) on, nine points are above 10.5, a shift.
        var result = Series.Analyse(StepUp, Series.HigherIsBetter with { FixAfterPoints = 12 });

        var segment = Assert.Single(result.Segments);
        Assert.Equal(12, segment.BaselineCount);
        Assert.Equal(10.5, segment.Mean, 12);
        Assert.Equal(1, segment.MeanMovingRange, 12);
        Assert.Equal(13.16, segment.UpperProcessLimit, 12);
        Assert.Equal([13, 15, 17, 19], Series.Where(result, SpcRules.OutsideProcessLimits));
        Assert.Equal(Series.Range(11, 9), Series.Where(result, SpcRules.Shift));
        Assert.All(result.Points, p => Assert.Equal(13.16, p.UpperProcessLimit, 12));
    }

    [Fact]
    public void Without_fixing_every_point_feeds_the_limits()
    {
        // Sum 126 + 104 = 230 over 20: mean 11.5. Moving ranges: twelve 1s and seven 2s, 26 over 19 = 1.368421.
        // Limits 11.5 ± 3.64 → 7.86, 15.14: no 14 is outside.
        var result = Series.Analyse(StepUp, Series.HigherIsBetter);

        Assert.Equal(11.5, result.Segments[0].Mean, 12);
        Assert.Equal(26.0 / 19.0, result.Segments[0].MeanMovingRange, 12);
        Assert.Equal(15.14, result.Segments[0].UpperProcessLimit, 12);
        Assert.Empty(Series.Where(result, SpcRules.OutsideProcessLimits));
    }

    [Fact]
    public void Fixing_after_more_points_than_the_series_has_uses_them_all()
    {
        var result = Series.Analyse(StepUp, Series.HigherIsBetter with { FixAfterPoints = 50 });

        Assert.Equal(20, result.Segments[0].BaselineCount);
        Assert.Equal(11.5, result.Segments[0].Mean, 12);
    }

    [Fact]
    public void Each_rebased_segment_is_fixed_after_its_own_first_points()
    {
        // ptd_spc_standard numbers rows within each rebase group. Two segments of 20, each fixed after 12: the second
        // segment's limits come from its own first twelve (20 21 ×6: mean 20.5).
        var values = (double[])[.. StepUp, .. Series.Repeat([20, 21], 6), .. Series.Repeat([25, 26], 4)];
        var result = Series.Analyse(values, Series.HigherIsBetter with { FixAfterPoints = 12, RebaseAt = [Series.Period(20)] });

        Assert.Equal([12, 12], result.Segments.Select(s => s.BaselineCount));
        Assert.Equal(10.5, result.Segments[0].Mean, 12);
        Assert.Equal(20.5, result.Segments[1].Mean, 12);
    }

    [Fact]
    public void Limits_cannot_be_fixed_on_fewer_than_twelve_points()
    {
        // ptd_spc_options: "fix_after_n_points must be a single numeric that is greater than or equal to 12."
        Assert.Throws<ArgumentOutOfRangeException>(() => Series.Analyse(StepUp, Series.HigherIsBetter with { FixAfterPoints = 11 }));
    }
}
