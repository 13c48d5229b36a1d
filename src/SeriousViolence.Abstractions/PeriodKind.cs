namespace SeriousViolence.Abstractions;

/// <summary>The period an observation of a measure covers.</summary>
public enum PeriodKind
{
    Month,
    Quarter,
    Year,
}
