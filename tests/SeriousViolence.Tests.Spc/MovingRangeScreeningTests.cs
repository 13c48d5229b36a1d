using SeriousViolence.Performance.Spc;
using Xunit;

namespace SeriousViolence.Tests.Spc;

/// <summary>
/// The series is NHSRplotthedots' own, from its vignette "Deviations from Excel defaults" (vignettes/deviations.Rmd),
/// which shows screen_outliers = TRUE (its default) against FALSE (the Excel tools). The numbers are worked here.
/// </summary>
public sealed class MovingRangeScreeningTests
{
    // Nine 1s, eight 2s and one 10: sum 35 over 18 points, mean 1.944444.
    // Moving ranges: fifteen of 1, then |10 - 2| = 8 and |1 - 10| = 9: sum 32 over 17, mean 1.882353.
    private static readonly double[] OneHugeJump = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];

    [Fact]
    public void Screening_drops_moving_ranges_at_or_above_the_upper_range_limit_and_recomputes_the_mean_moving_range()
    {
        // Upper range limit 3.267 × 1.882353 = 6.149647: the 8 and the 9 go; fifteen 1s remain, mean moving range 1.
        // Limits 1.944444 ± 2.66 → -0.715556, 4.604444.
        var result = Series.Analyse(OneHugeJump, Series.HigherIsBetter);

        var segment = result.Segments[0];
        Assert.Equal(35.0 / 18.0, segment.Mean, 12);
        Assert.Equal(1, segment.MeanMovingRange, 12);
        Assert.Equal(2, segment.ScreenedMovingRanges);
        Assert.Equal(4.604444, segment.UpperProcessLimit, 6);
        Assert.Equal(-0.715556, segment.LowerProcessLimit, 6);
    }

    [Fact]
    public void Without_screening_every_moving_range_counts_and_the_limits_are_wider()
    {
        // Mean moving range 32/17 = 1.882353; limits 1.944444 ± 2.66 × 1.882353 = 1.944444 ± 5.007059 → -3.062614, 6.951503.
        var result = Series.Analyse(OneHugeJump, Series.HigherIsBetter with { ScreenMovingRanges = false });

        var segment = result.Segments[0];
        Assert.Equal(35.0 / 18.0, segment.Mean, 12);
        Assert.Equal(32.0 / 17.0, segment.MeanMovingRange, 12);
        Assert.Equal(0, segment.ScreenedMovingRanges);
        Assert.Equal(6.951503, segment.UpperProcessLimit, 6);
        Assert.Equal(-3.062614, segment.LowerProcessLimit, 6);
    }

    [Fact]
    public void Screening_changes_the_limits_but_not_the_mean()
    {
        var screened = Series.Analyse(OneHugeJump, Series.HigherIsBetter).Segments[0];
        var unscreened = Series.Analyse(OneHugeJump, Series.HigherIsBetter with { ScreenMovingRanges = false }).Segments[0];

        Assert.Equal(unscreened.Mean, screened.Mean);
        Assert.True(unscreened.UpperProcessLimit - unscreened.LowerProcessLimit > screened.UpperProcessLimit - screened.LowerProcessLimit);
    }

    [Fact]
    public void A_constant_series_screens_out_every_range_and_has_no_limits_as_in_NHSRplotthedots()
    {
        // All ranges are 0 and 0 < 3.267 × 0 is false, so R keeps none: mean(empty) is NaN and so are the limits.
        var result = Series.Analyse([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5], Series.HigherIsBetter);

        Assert.Equal(11, result.Segments[0].ScreenedMovingRanges);
        Assert.True(double.IsNaN(result.Segments[0].UpperProcessLimit));
        Assert.All(result.Points, p => Assert.Equal(PointVariation.CommonCause, p.Variation));
    }

    [Fact]
    public void A_constant_series_without_screening_has_its_limits_on_the_mean()
    {
        var segment = Series.Analyse([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5], Series.HigherIsBetter with { ScreenMovingRanges = false }).Segments[0];

        Assert.Equal(0, segment.MeanMovingRange);
        Assert.Equal(5, segment.UpperProcessLimit);
        Assert.Equal(5, segment.LowerProcessLimit);
    }
}
