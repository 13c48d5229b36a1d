using SeriousViolence.Performance.Spc;
using Xunit;

namespace SeriousViolence.Tests.Spc;

/// <summary>ptd_calculate_assurance_type: the target against the latest limits, strictly.</summary>
public sealed class AssuranceIconTests
{
    // Steady twelve: mean 10.5, mean moving range 1, limits 7.84 and 13.16.
    [Theory]
    [InlineData(Polarity.HigherIsBetter, 14, AssuranceIcon.ConsistentlyFails)]
    [InlineData(Polarity.HigherIsBetter, 7, AssuranceIcon.ConsistentlyPasses)]
    [InlineData(Polarity.HigherIsBetter, 10.5, AssuranceIcon.HitAndMiss)]
    [InlineData(Polarity.LowerIsBetter, 14, AssuranceIcon.ConsistentlyPasses)]
    [InlineData(Polarity.LowerIsBetter, 7, AssuranceIcon.ConsistentlyFails)]
    [InlineData(Polarity.LowerIsBetter, 10.5, AssuranceIcon.HitAndMiss)]
    [InlineData(Polarity.Neutral, 14, AssuranceIcon.None)]
    [InlineData(Polarity.Neutral, 7, AssuranceIcon.None)]
    public void The_target_against_the_limits_gives_pass_fail_or_hit_and_miss(Polarity polarity, double target, AssuranceIcon expected)
    {
        var result = Series.Analyse(Series.Steady, new SpcOptions { Polarity = polarity, Target = target });

        Assert.Equal(expected, result.Assurance);
    }

    [Fact]
    public void Without_a_target_there_is_no_assurance_icon()
    {
        Assert.Equal(AssuranceIcon.None, Series.Analyse(Series.Steady, Series.HigherIsBetter).Assurance);
    }

    [Fact]
    public void The_cases_of_NHSRplotthedots_own_test_give_the_same_icons()
    {
        // test-ptd_calculate_assurance_type.R: limits (1, 3), (5, 7), (1, 5), target 4. Increase: fail, pass,
        // inconsistent; decrease: pass, fail, inconsistent. Here the limits are 10.5 ± 2.66, so the targets are placed
        // the same way: above the upper limit, below the lower, between.
        (double Target, AssuranceIcon Increase, AssuranceIcon Decrease)[] cases =
        [
            (13.5, AssuranceIcon.ConsistentlyFails, AssuranceIcon.ConsistentlyPasses),
            (7.5, AssuranceIcon.ConsistentlyPasses, AssuranceIcon.ConsistentlyFails),
            (12, AssuranceIcon.HitAndMiss, AssuranceIcon.HitAndMiss),
        ];
        foreach (var (target, increase, decrease) in cases)
        {
            Assert.Equal(increase, Series.Analyse(Series.Steady, new SpcOptions { Polarity = Polarity.HigherIsBetter, Target = target }).Assurance);
            Assert.Equal(decrease, Series.Analyse(Series.Steady, new SpcOptions { Polarity = Polarity.LowerIsBetter, Target = target }).Assurance);
        }
    }

    [Fact]
    public void A_target_exactly_on_a_process_limit_is_hit_and_miss()
    {
        var limits = Series.Analyse(Series.Steady, Series.HigherIsBetter).Segments[0];

        AssuranceIcon With(double target) => Series.Analyse(Series.Steady, Series.HigherIsBetter with { Target = target }).Assurance;

        Assert.Equal(AssuranceIcon.HitAndMiss, With(limits.UpperProcessLimit));
        Assert.Equal(AssuranceIcon.HitAndMiss, With(limits.LowerProcessLimit));
        Assert.Equal(AssuranceIcon.ConsistentlyFails, With(Math.BitIncrement(limits.UpperProcessLimit)));
        Assert.Equal(AssuranceIcon.ConsistentlyPasses, With(Math.BitDecrement(limits.LowerProcessLimit)));
    }

    [Fact]
    public void After_a_rebase_the_latest_segments_limits_decide()
    {
        // Issue #172 (assurance on rebased plots). Steady twelve, then 20 21 ×6 rebased: limits 7.84-13.16, then
        // 17.84-23.16. A target of 15 lies between the first limits but below the latest ones.
        var points = Series.Points([.. Series.Steady, .. Series.Repeat([20, 21], 6)]);
        var result = XmrChart.Analyse(points, new SpcOptions { Polarity = Polarity.HigherIsBetter, Target = 15, RebaseAt = [Series.Period(12)] });

        Assert.Equal(17.84, result.Segments[1].LowerProcessLimit, 12);
        Assert.Equal(AssuranceIcon.ConsistentlyPasses, result.Assurance);
    }
}
