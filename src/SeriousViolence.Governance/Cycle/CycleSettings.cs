using SeriousViolence.Abstractions;

namespace SeriousViolence.Governance.Cycle;

/// <summary>
/// Configuration section <c>Governance:Cycle</c>: when reporting windows open, when reminders go and when quarters lock.
/// Everything is counted from the end of the quarter, in UTC, so the dates follow the financial year (Q1 = April-June).
/// </summary>
public sealed class CycleSettings
{
    public const string Section = "Governance:Cycle";

    /// <summary>The first quarter the cycle runs ("2026/27 Q1"); unset, the quarter in progress when it first runs.</summary>
    public string? FirstQuarter { get; set; }

    /// <summary>How long after the end of the quarter (midnight UTC after its last day) the reporting window opens.</summary>
    public TimeSpan WindowOpensAfterQuarterEnd { get; set; } = TimeSpan.Zero;

    /// <summary>Days from the window opening to the deadline, when the quarter locks.</summary>
    public int DeadlineDays { get; set; } = 28;

    /// <summary>Days from the window opening at which strands that have not submitted are reminded (default 7 and 14).</summary>
    public int[]? ReminderOffsetsDays { get; set; }

    public IReadOnlyList<int> Reminders => [.. (ReminderOffsetsDays is { Length: > 0 } r ? r : [7, 14]).Distinct().Order()];

    public void Validate()
    {
        if (DeadlineDays < 1)
        {
            throw new InvalidOperationException($"{Section}:DeadlineDays must be at least 1 (it is {DeadlineDays}).");
        }

        if (Reminders.Any(d => d < 1 || d >= DeadlineDays))
        {
            throw new InvalidOperationException($"{Section}:ReminderOffsetsDays must each fall after the window opens and before the deadline (1 to {DeadlineDays - 1} days).");
        }

        if (FirstQuarter is { Length: > 0 } first)
        {
            FinancialQuarter.Parse(first);
        }
    }
}

/// <summary>The cycle's dates for one quarter, from the settings. Pure, so it is tested directly.</summary>
public sealed record QuarterTimetable(FinancialQuarter Quarter, DateTimeOffset WindowOpensAt, DateTimeOffset DeadlineAt, IReadOnlyList<int> ReminderOffsetsDays)
{
    public static QuarterTimetable For(FinancialQuarter quarter, CycleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var end = new DateTimeOffset(quarter.End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var opens = end + settings.WindowOpensAfterQuarterEnd;
        return new QuarterTimetable(quarter, opens, opens.AddDays(settings.DeadlineDays), settings.Reminders);
    }

    public DateTimeOffset ReminderAt(int offsetDays) => WindowOpensAt.AddDays(offsetDays);
}
