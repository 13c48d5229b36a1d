using SeriousViolence.Abstractions;
using Xunit;

namespace SeriousViolence.Tests.Unit;

public sealed class FinancialQuarterTests
{
    [Theory]
    [InlineData(2007, 4, 1, 2007, 1)]
    [InlineData(2007, 6, 30, 2007, 1)]
    [InlineData(2007, 7, 1, 2007, 2)]
    [InlineData(2007, 12, 31, 2007, 3)]
    [InlineData(2008, 1, 1, 2007, 4)]
    [InlineData(2008, 3, 31, 2007, 4)]
    public void A_date_falls_in_the_April_to_March_quarter_that_contains_it(int year, int month, int day, int startYear, int quarter)
    {
        Assert.Equal(new FinancialQuarter(startYear, quarter), FinancialQuarter.Containing(new DateOnly(year, month, day)));
    }

    [Theory]
    [InlineData(2026, 7, 1, 2026, 1)]
    [InlineData(2026, 9, 30, 2026, 1)]
    [InlineData(2026, 10, 1, 2026, 2)]
    [InlineData(2027, 4, 15, 2026, 4)]
    [InlineData(2026, 5, 20, 2025, 4)]
    public void The_quarter_reported_on_is_the_last_one_to_have_ended(int year, int month, int day, int startYear, int quarter)
    {
        var instant = new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(new FinancialQuarter(startYear, quarter), FinancialQuarter.ReportedAt(instant));
    }

    [Fact]
    public void Quarters_know_their_first_and_last_days()
    {
        var q4 = new FinancialQuarter(2007, 4);
        Assert.Equal(new DateOnly(2008, 1, 1), q4.Start);
        Assert.Equal(new DateOnly(2008, 3, 31), q4.End);
        Assert.Equal(new DateOnly(2007, 4, 1), new FinancialQuarter(2007, 1).Start);
        Assert.Equal(new DateOnly(2007, 6, 30), new FinancialQuarter(2007, 1).End);
    }

    [Fact]
    public void Next_and_previous_cross_the_financial_year()
    {
        Assert.Equal(new FinancialQuarter(2008, 1), new FinancialQuarter(2007, 4).Next());
        Assert.Equal(new FinancialQuarter(2007, 4), new FinancialQuarter(2008, 1).Previous());
        Assert.True(new FinancialQuarter(2007, 4) < new FinancialQuarter(2008, 1));
    }

    [Theory]
    [InlineData(2007, 1, "2007/08 Q1")]
    [InlineData(2099, 4, "2099/00 Q4")]
    public void Quarters_are_written_as_the_Board_writes_them_and_read_back(int startYear, int quarter, string text)
    {
        var value = new FinancialQuarter(startYear, quarter);
        Assert.Equal(text, value.ToString());
        Assert.Equal(value, FinancialQuarter.Parse(text));
    }

    [Theory]
    [InlineData("2007/09 Q1")]
    [InlineData("2007/08 Q5")]
    [InlineData("2007-08 Q1")]
    [InlineData("Q1 2007/08")]
    [InlineData("")]
    public void Malformed_quarters_are_refused_with_the_expected_form(string text)
    {
        var error = Assert.Throws<FormatException>(() => FinancialQuarter.Parse(text));
        Assert.Contains("2007/08 Q1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quarter_number_outside_one_to_four_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FinancialQuarter(2007, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FinancialQuarter(2007, 5));
    }
}
