using SeriousViolence.Performance.Spc;
using Xunit;

namespace SeriousViolence.Tests.Spc;

public sealed class InputValidationTests
{
    [Fact]
    public void An_empty_series_is_refused()
    {
        Assert.Throws<ArgumentException>(() => XmrChart.Analyse([], Series.HigherIsBetter));
    }

    [Fact]
    public void A_value_that_is_not_a_finite_number_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Series.Analyse([1, double.NaN, 3], Series.HigherIsBetter));
        Assert.Contains("P02", error.Message);
    }

    [Fact]
    public void A_period_that_appears_twice_is_refused()
    {
        Assert.Throws<ArgumentException>(() => XmrChart.Analyse([new SpcPoint("2024-04", 1), new SpcPoint("2024-04", 2)], Series.HigherIsBetter));
    }

    [Theory]
    [InlineData(1, 7)]
    [InlineData(7, 1)]
    public void Runs_shorter_than_two_points_are_refused(int shift, int trend)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Series.Analyse(Series.Steady, Series.HigherIsBetter with { ShiftRunLength = shift, TrendRunLength = trend }));
    }

    [Fact]
    public void A_single_point_is_common_cause_with_no_limits()
    {
        var result = Series.Analyse([4], Series.HigherIsBetter with { Target = 3 });

        Assert.True(double.IsNaN(result.Segments[0].MeanMovingRange));
        Assert.Equal(PointVariation.CommonCause, result.Points[0].Variation);
        Assert.Equal(VariationIcon.CommonCause, result.Variation);
        Assert.Equal(AssuranceIcon.HitAndMiss, result.Assurance);
    }
}
