using SeriousViolence.Abstractions;

namespace SeriousViolence.Performance.Importing;

public readonly record struct ObservationKey(string Measure, PeriodKind Kind, DateOnly PeriodStart, string Geography);

/// <summary>A value being built up from a file's rows: counts add; rates keep numerator and denominator.</summary>
public sealed class Accumulator
{
    public decimal Value { get; set; }

    public decimal? Numerator { get; set; }

    public decimal? Denominator { get; set; }
}
