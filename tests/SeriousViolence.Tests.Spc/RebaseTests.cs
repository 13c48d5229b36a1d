using SeriousViolence.Performance.Spc;
using Xunit;

namespace SeriousViolence.Tests.Spc;

public sealed class RebaseTests
{
    // Twelve points around 6, then twelve around 9. Indices 8-14 (4 5 6 7 8 9 10) rise seven times across the change.
    private static readonly double[] Changed = [5, 7, 5, 7, 5, 7, 5, 7, 4, 5, 6, 7, 8, 9, 10, 9, 10, 9, 10, 9, 10, 9, 10, 9];

    private static readonly SpcOptions RebasedAtThirteenth = Series.HigherIsBetter with { RebaseAt = [Series.Period(12)] };

    [Fact]
    public void A_rebase_gives_each_segment_its_own_limits()
    {
        // First: sum 70 over 12, mean 5.833333; ranges seven 2s, 3, 1 1 1: 20 over 11 = 1.818182.
        // Second: sum 112 over 12, mean 9.333333; ranges eleven 1s: mean 1. Limits 9.333333 ± 2.66.
        var result = Series.Analyse(Changed, RebasedAtThirteenth);

        Assert.Equal(2, result.Segments.Count);
        Assert.Equal((0, 12), (result.Segments[0].FirstIndex, result.Segments[0].Count));
        Assert.Equal((12, 12), (result.Segments[1].FirstIndex, result.Segments[1].Count));
        Assert.Equal(70.0 / 12.0, result.Segments[0].Mean, 12);
        Assert.Equal(20.0 / 11.0, result.Segments[0].MeanMovingRange, 12);
        Assert.Equal(112.0 / 12.0, result.Segments[1].Mean, 12);
        Assert.Equal(1, result.Segments[1].MeanMovingRange, 12);
        Assert.Equal(112.0 / 12.0 + 2.66, result.Segments[1].UpperProcessLimit, 12);
        Assert.All(result.Points, p => Assert.Equal(p.Index < 12 ? 0 : 1, p.Segment));
        Assert.All(result.Points, p => Assert.Equal(result.Segments[p.Segment].Mean, p.Mean));
    }

    [Fact]
    public void No_rule_runs_across_a_rebase()
    {
        // Four rises end the first segment and three start the second: no trend of seven in either.
        var result = Series.Analyse(Changed, RebasedAtThirteenth);

        Assert.All(result.Points, p => Assert.Equal(SpcRules.None, p.RulesFired));
    }

    [Fact]
    public void Without_the_rebase_the_same_points_make_a_trend()
    {
        var result = Series.Analyse(Changed, Series.HigherIsBetter);

        Assert.Equal(Series.Range(8, 7), Series.Where(result, SpcRules.Trend));
    }

    [Fact]
    public void Rebasing_at_the_first_point_changes_nothing()
    {
        var rebased = Series.Analyse(Changed, Series.HigherIsBetter with { RebaseAt = [Series.Period(0)] });

        Assert.Single(rebased.Segments);
        Assert.Equal(Series.Analyse(Changed, Series.HigherIsBetter).Segments[0], rebased.Segments[0]);
    }

    [Fact]
    public void Rebasing_at_a_period_no_point_has_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Series.Analyse(Changed, Series.HigherIsBetter with { RebaseAt = ["P99"] }));
        Assert.Contains("P99", error.Message);
    }
}
