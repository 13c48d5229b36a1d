using SeriousViolence.Performance.Spc;
using Xunit;

namespace SeriousViolence.Tests.Spc;

/// <summary>The icon follows the latest point, named as NHSRplotthedots' geom_ptd_icon.R names its files.</summary>
public sealed class VariationIconTests
{
    // Sum 56 over 12: mean 4.666667. The last seven (indices 5-11) are above it: the latest point is part of a shift.
    private static readonly double[] EndsHigh = [2, 6, 2, 6, 2, 5, 6, 5, 6, 5, 6, 5];

    [Theory]
    [InlineData(Polarity.HigherIsBetter, VariationIcon.SpecialCauseImprovementHigh)]
    [InlineData(Polarity.LowerIsBetter, VariationIcon.SpecialCauseConcernHigh)]
    [InlineData(Polarity.Neutral, VariationIcon.SpecialCauseNeitherHigh)]
    public void A_latest_point_in_a_high_special_cause_gives_a_high_icon(Polarity polarity, VariationIcon expected)
    {
        var result = Series.Analyse(EndsHigh, new SpcOptions { Polarity = polarity });

        Assert.Equal(expected, result.Variation);
    }

    [Theory]
    [InlineData(Polarity.HigherIsBetter, VariationIcon.SpecialCauseConcernLow)]
    [InlineData(Polarity.LowerIsBetter, VariationIcon.SpecialCauseImprovementLow)]
    [InlineData(Polarity.Neutral, VariationIcon.SpecialCauseNeitherLow)]
    public void A_latest_point_in_a_low_special_cause_gives_a_low_icon(Polarity polarity, VariationIcon expected)
    {
        var result = Series.Analyse(EndsHigh.Select(v => -v).ToArray(), new SpcOptions { Polarity = polarity });

        Assert.Equal(expected, result.Variation);
    }

    [Theory]
    [InlineData(Polarity.HigherIsBetter)]
    [InlineData(Polarity.LowerIsBetter)]
    [InlineData(Polarity.Neutral)]
    public void A_latest_point_of_common_cause_gives_the_common_cause_icon(Polarity polarity)
    {
        var result = Series.Analyse(Series.Steady, new SpcOptions { Polarity = polarity });

        Assert.Equal(VariationIcon.CommonCause, result.Variation);
    }

    [Fact]
    public void Only_the_latest_point_counts()
    {
        // The shift series ends with three common-cause points after its shift.
        var result = Series.Analyse([.. EndsHigh, 2, 6, 2], Series.HigherIsBetter);

        Assert.Contains(result.Points, p => p.Variation == PointVariation.SpecialCauseImprovement);
        Assert.Equal(VariationIcon.CommonCause, result.Variation);
    }
}
