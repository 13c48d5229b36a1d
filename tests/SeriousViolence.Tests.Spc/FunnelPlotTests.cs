using SeriousViolence.Performance.Spc;
using Xunit;

namespace SeriousViolence.Tests.Spc;

public sealed class FunnelPlotTests
{
    // Five boroughs of 100 each, 100 events in all: overall proportion 100/500 = 0.2.
    // Standard error at n = 100: √(0.2 × 0.8 / 100) = 0.04.
    // 95%:   0.2 ± 1.959964 × 0.04 = 0.2 ± 0.078399 → 0.121601, 0.278399.
    // 99.8%: 0.2 ± 3.090232 × 0.04 = 0.2 ± 0.123609 → 0.076391, 0.323609.
    private static readonly FunnelUnit[] Boroughs =
    [
        new("Camden", 20, 100),    // 0.20: within both
        new("Hackney", 35, 100),   // 0.35: above both
        new("Lambeth", 5, 100),    // 0.05: below both
        new("Newham", 30, 100),    // 0.30: above the 95% band only
        new("Southwark", 10, 100), // 0.10: below the 95% band only
    ];

    [Fact]
    public void Limits_around_the_overall_proportion_are_as_worked_by_hand()
    {
        var result = FunnelPlot.Analyse(Boroughs);

        Assert.Equal(0.2, result.OverallProportion, 12);
        var camden = result.Units[0];
        Assert.Equal(0.121601, camden.Band95.Lower, 6);
        Assert.Equal(0.278399, camden.Band95.Upper, 6);
        Assert.Equal(0.076391, camden.Band998.Lower, 6);
        Assert.Equal(0.323609, camden.Band998.Upper, 6);
    }

    [Fact]
    public void Each_unit_is_within_above_or_below_each_band()
    {
        var result = FunnelPlot.Analyse(Boroughs);

        Assert.Equal(
            [FunnelPosition.Within, FunnelPosition.Above, FunnelPosition.Below, FunnelPosition.Above, FunnelPosition.Below],
            result.Units.Select(u => u.Band95.Position));
        Assert.Equal(
            [FunnelPosition.Within, FunnelPosition.Above, FunnelPosition.Below, FunnelPosition.Within, FunnelPosition.Within],
            result.Units.Select(u => u.Band998.Position));
        Assert.Equal([0.2, 0.35, 0.05, 0.3, 0.1], result.Units.Select(u => u.Proportion));
    }

    [Fact]
    public void The_funnel_narrows_with_the_square_root_of_the_denominator()
    {
        var (lower100, upper100) = FunnelPlot.Limits(0.2, 100, FunnelPlot.Z95);
        var (lower400, upper400) = FunnelPlot.Limits(0.2, 400, FunnelPlot.Z95);

        Assert.Equal((upper100 - lower100) / 2, upper400 - lower400, 12);
    }

    [Theory]
    [InlineData(0.2, 100)]
    [InlineData(0.03, 57)]
    [InlineData(0.7, 13)]
    [InlineData(0.5, 2)]
    [InlineData(0.001, 100000)]
    public void The_limits_are_those_PHE_computes_from_the_Wilson_score_interval(double overall, double n)
    {
        foreach (var z in new[] { FunnelPlot.Z95, FunnelPlot.Z998 })
        {
            var (lower, upper) = FunnelPlot.Limits(overall, n, z);
            var (pheLower, pheUpper) = PheSigmaAdjustment(overall, n, z);
            Assert.Equal(pheLower, lower, 12);
            Assert.Equal(pheUpper, upper, 12);
        }
    }

    [Fact]
    public void At_each_limit_the_Wilson_score_interval_just_reaches_the_overall_proportion()
    {
        // Why the two agree: the Wilson interval inverts the same score test, so a unit on the upper limit has the
        // overall proportion as its Wilson lower bound, and one on the lower limit as its Wilson upper bound.
        var (lower, upper) = FunnelPlot.Limits(0.2, 100, FunnelPlot.Z998);

        Assert.Equal(0.2, Wilson(upper, 100, FunnelPlot.Z998).Lower, 12);
        Assert.Equal(0.2, Wilson(lower, 100, FunnelPlot.Z998).Upper, 12);
    }

    [Fact]
    public void A_proportion_exactly_on_a_limit_is_within_it()
    {
        // PHE compares strictly (x / n < limit, x / n > limit). With no events anywhere the overall proportion is 0 and
        // both bands collapse to 0 at every n: each borough's 0 lies exactly on both limits, so within.
        var result = FunnelPlot.Analyse([new FunnelUnit("Camden", 0, 100), new FunnelUnit("Hackney", 0, 250)]);

        Assert.All(result.Units, u =>
        {
            Assert.Equal((0.0, 0.0), (u.Band998.Lower, u.Band998.Upper));
            Assert.Equal(FunnelPosition.Within, u.Band95.Position);
            Assert.Equal(FunnelPosition.Within, u.Band998.Position);
        });
    }

    [Theory]
    [InlineData(5, 0)]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    public void Impossible_proportions_are_refused(double numerator, double denominator)
    {
        Assert.Throws<ArgumentException>(() => FunnelPlot.Analyse([new FunnelUnit("Camden", 1, 10), new FunnelUnit("Bad", numerator, denominator)]));
    }

    /// <summary>PHEindicatormethods R/Funnels.R, sigma_adjustment(), transliterated with multiplier 1.</summary>
    private static (double Lower, double Upper) PheSigmaAdjustment(double average, double population, double z)
    {
        var z2 = z * z;
        var firstPart = average * ((population / z2) + 1);
        var adj = Math.Sqrt(
            Math.Pow(-8 * average * ((population / z2) + 1), 2)
            - (64 * ((1 / z2) + (1 / population)) * average
                * ((population * ((average * ((population / z2) + 2)) - 1)) + (z2 * (average - 1)))));
        var lastPart = (1 / z2) + (1 / population);
        return ((firstPart - (adj / 8)) / lastPart / population, (firstPart + (adj / 8)) / lastPart / population);
    }

    private static (double Lower, double Upper) Wilson(double proportion, double n, double z)
    {
        var centre = proportion + (z * z / (2 * n));
        var half = z * Math.Sqrt((proportion * (1 - proportion) / n) + (z * z / (4 * n * n)));
        var scale = 1 + (z * z / n);
        return ((centre - half) / scale, (centre + half) / scale);
    }
}
