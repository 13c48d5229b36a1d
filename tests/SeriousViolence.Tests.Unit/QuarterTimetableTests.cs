using SeriousViolence.Abstractions;
using SeriousViolence.Governance.Cycle;
using Xunit;

namespace SeriousViolence.Tests.Unit;

/// <summary>The cycle's dates follow the financial year (Q1 = April-June) and the configured offsets.</summary>
public sealed class QuarterTimetableTests
{
    [Theory]
    [InlineData(2026, 1, "2026-07-01", "2026-07-29")]
    [InlineData(2026, 2, "2026-10-01", "2026-10-29")]
    [InlineData(2026, 3, "2027-01-01", "2027-01-29")]
    [InlineData(2026, 4, "2027-04-01", "2027-04-29")]
    public void The_window_opens_when_the_quarter_ends_and_locks_after_the_deadline_days(int year, int quarter, string opens, string deadline)
    {
        var timetable = QuarterTimetable.For(new FinancialQuarter(year, quarter), new CycleSettings());

        Assert.Equal(DateTimeOffset.Parse(opens + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), timetable.WindowOpensAt);
        Assert.Equal(DateTimeOffset.Parse(deadline + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), timetable.DeadlineAt);
        Assert.Equal([7, 14], timetable.ReminderOffsetsDays);
    }

    [Fact]
    public void Offsets_and_deadline_come_from_configuration()
    {
        var settings = new CycleSettings { WindowOpensAfterQuarterEnd = TimeSpan.FromDays(2), DeadlineDays = 20, ReminderOffsetsDays = [15, 5, 15] };

        var timetable = QuarterTimetable.For(new FinancialQuarter(2026, 1), settings);

        Assert.Equal(new DateTimeOffset(2026, 7, 3, 0, 0, 0, TimeSpan.Zero), timetable.WindowOpensAt);
        Assert.Equal(new DateTimeOffset(2026, 7, 23, 0, 0, 0, TimeSpan.Zero), timetable.DeadlineAt);
        Assert.Equal([5, 15], timetable.ReminderOffsetsDays);
        Assert.Equal(new DateTimeOffset(2026, 7, 8, 0, 0, 0, TimeSpan.Zero), timetable.ReminderAt(5));
    }

    [Fact]
    public void A_reminder_on_or_after_the_deadline_is_refused_at_start_up()
    {
        var settings = new CycleSettings { DeadlineDays = 10, ReminderOffsetsDays = [7, 14] };

        var error = Assert.Throws<InvalidOperationException>(settings.Validate);

        Assert.Contains("ReminderOffsetsDays", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-27-Q1", "2026/27 Q1")]
    [InlineData("2026/27 Q4", "2026/27 Q4")]
    public void A_quarter_id_in_a_url_reads_as_the_quarter(string id, string quarter)
    {
        Assert.True(QuarterQueries.TryParseId(id, out var parsed));
        Assert.Equal(quarter, parsed.ToString());
        Assert.Equal(id.Replace('/', '-').Replace(' ', '-'), QuarterQueries.IdOf(parsed));
    }

    [Theory]
    [InlineData("2026-28-Q1")]
    [InlineData("Q9")]
    [InlineData("")]
    public void Anything_else_is_not_a_quarter(string id) => Assert.False(QuarterQueries.TryParseId(id, out _));
}
