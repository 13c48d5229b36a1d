using SeriousViolence.Performance.Spc;
using Xunit;

namespace SeriousViolence.Tests.Spc;

public sealed class PolarityTests
{
    // The shift series: indices 5-11 are seven above the mean of 4.4.
    private static readonly double[] ShiftAbove = [2, 6, 2, 6, 2, 5, 6, 5, 6, 5, 6, 5, 2, 6, 2];

    [Theory]
    [InlineData(Polarity.HigherIsBetter, PointVariation.SpecialCauseImprovement)]
    [InlineData(Polarity.LowerIsBetter, PointVariation.SpecialCauseConcern)]
    [InlineData(Polarity.Neutral, PointVariation.SpecialCauseNeutralHigh)]
    public void A_high_special_cause_is_an_improvement_a_concern_or_neutral_by_polarity(Polarity polarity, PointVariation expected)
    {
        var result = Series.Analyse(ShiftAbove, new SpcOptions { Polarity = polarity });

        Assert.All(Series.Range(5, 7), i => Assert.Equal(expected, result.Points[i].Variation));
        Assert.All(result.Points.Where(p => p.Index is < 5 or > 11), p => Assert.Equal(PointVariation.CommonCause, p.Variation));
    }

    [Theory]
    [InlineData(Polarity.HigherIsBetter, PointVariation.SpecialCauseConcern)]
    [InlineData(Polarity.LowerIsBetter, PointVariation.SpecialCauseImprovement)]
    [InlineData(Polarity.Neutral, PointVariation.SpecialCauseNeutralLow)]
    public void A_low_special_cause_is_a_concern_an_improvement_or_neutral_by_polarity(Polarity polarity, PointVariation expected)
    {
        var result = Series.Analyse(ShiftAbove.Select(v => -v).ToArray(), new SpcOptions { Polarity = polarity });

        Assert.All(Series.Range(5, 7), i => Assert.Equal(expected, result.Points[i].Variation));
    }

    [Fact]
    public void Polarity_changes_no_rule_only_how_a_flagged_point_is_read()
    {
        var higher = Series.Analyse(ShiftAbove, new SpcOptions { Polarity = Polarity.HigherIsBetter });
        var lower = Series.Analyse(ShiftAbove, new SpcOptions { Polarity = Polarity.LowerIsBetter });

        Assert.Equal(higher.Points.Select(p => p.RulesFired), lower.Points.Select(p => p.RulesFired));
    }
}
