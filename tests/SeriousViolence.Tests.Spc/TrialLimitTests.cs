using SeriousViolence.Performance.Spc;
using Xunit;

namespace SeriousViolence.Tests.Spc;

/// <summary>ptd_add_short_group_warnings and its tests: a group of fewer than 12 points has trial limits.</summary>
public sealed class TrialLimitTests
{
    [Fact]
    public void Eleven_points_have_trial_limits_and_a_warning()
    {
        var result = Series.Analyse(Series.Steady[..11], Series.HigherIsBetter);

        Assert.True(result.Segments[0].IsTrial);
        Assert.All(result.Points, p => Assert.True(p.IsTrial));
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("trial limits", warning);
        Assert.Contains("11 points", warning);
    }

    [Fact]
    public void Twelve_points_have_firm_limits_and_no_warning()
    {
        var result = Series.Analyse(Series.Steady, Series.HigherIsBetter);

        Assert.False(result.Segments[0].IsTrial);
        Assert.All(result.Points, p => Assert.False(p.IsTrial));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Only_a_short_segment_after_a_rebase_has_trial_limits()
    {
        // As NHSRplotthedots' "warning on one facet" case (groups of 35, 5, 20, 20): here 12 points, then 5 rebased.
        var values = (double[])[.. Series.Steady, 20, 21, 20, 21, 20];
        var result = Series.Analyse(values, Series.HigherIsBetter with { RebaseAt = [Series.Period(12)] });

        Assert.Equal([false, true], result.Segments.Select(s => s.IsTrial));
        Assert.All(result.Points, p => Assert.Equal(p.Index >= 12, p.IsTrial));
        Assert.Contains("P13", Assert.Single(result.Warnings));
    }

    [Fact]
    public void The_threshold_can_be_set_for_tools_that_count_differently()
    {
        var result = Series.Analyse(Series.Steady, Series.HigherIsBetter with { TrialLimitThreshold = 13 });

        Assert.True(result.Segments[0].IsTrial);
    }
}
