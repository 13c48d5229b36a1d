using SeriousViolence.Performance.Spc;
using Xunit;

namespace SeriousViolence.Tests.Spc;

public sealed class ProcessLimitsTests
{
    // 10 12 11 13 12 14 13 11 12 12: sum 120, mean 12.
    // Moving ranges 2 1 2 1 2 1 2 1 0: sum 12 over 9, mean moving range 4/3.
    // Screening keeps ranges below 3.267 × 4/3 = 4.356: all nine.
    // Process limits 12 ± 2.66 × 4/3 = 12 ± 3.546667 → 8.453333, 15.546667.
    // Near limits 12 ± (2/3 × 2.66) × 4/3 = 12 ± 2.364444 → 9.635556, 14.364444.
    private static readonly double[] TenPoints = [10, 12, 11, 13, 12, 14, 13, 11, 12, 12];

    [Fact]
    public void Mean_mean_moving_range_and_limits_of_a_ten_point_series_are_as_worked_by_hand()
    {
        var result = Series.Analyse(TenPoints, Series.HigherIsBetter);

        var segment = Assert.Single(result.Segments);
        Assert.Equal(12, segment.Mean, 12);
        Assert.Equal(4.0 / 3.0, segment.MeanMovingRange, 12);
        Assert.Equal(0, segment.ScreenedMovingRanges);
        Assert.Equal(15.546667, segment.UpperProcessLimit, 6);
        Assert.Equal(8.453333, segment.LowerProcessLimit, 6);
        Assert.Equal(14.364444, segment.UpperNearLimit, 6);
        Assert.Equal(9.635556, segment.LowerNearLimit, 6);
        Assert.Equal(10, segment.BaselineCount);
    }

    [Fact]
    public void Every_point_carries_its_segments_limits_and_is_common_cause_when_no_rule_fires()
    {
        var result = Series.Analyse(TenPoints, Series.HigherIsBetter);

        Assert.Equal(TenPoints, result.Points.Select(p => p.Value));
        Assert.Equal(Series.Range(0, 10), result.Points.Select(p => p.Index));
        Assert.Equal("P01", result.Points[0].Period);
        Assert.All(result.Points, p =>
        {
            Assert.Equal(12, p.Mean, 12);
            Assert.Equal(result.Segments[0].UpperProcessLimit, p.UpperProcessLimit);
            Assert.Equal(result.Segments[0].LowerProcessLimit, p.LowerProcessLimit);
            Assert.Equal(result.Segments[0].UpperNearLimit, p.UpperNearLimit);
            Assert.Equal(result.Segments[0].LowerNearLimit, p.LowerNearLimit);
            Assert.Equal(0, p.Segment);
            Assert.Equal(SpcRules.None, p.RulesFired);
            Assert.Equal(PointVariation.CommonCause, p.Variation);
        });
    }

    [Fact]
    public void Near_limits_are_two_thirds_of_the_way_from_the_mean_to_the_process_limits()
    {
        var segment = Series.Analyse(TenPoints, Series.HigherIsBetter).Segments[0];

        Assert.Equal(
            (segment.UpperProcessLimit - segment.Mean) * 2 / 3,
            segment.UpperNearLimit - segment.Mean,
            12);
        Assert.Equal(
            (segment.Mean - segment.LowerProcessLimit) * 2 / 3,
            segment.Mean - segment.LowerNearLimit,
            12);
    }
}
