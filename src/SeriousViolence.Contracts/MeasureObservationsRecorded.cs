namespace SeriousViolence.Contracts;

/// <summary>
/// Observations of one measure for one geography were recorded or revised (by an import or a partner submission).
/// One message per measure and geography carries every observation that changed, so a release of thousands of values
/// is a few thousand messages, not hundreds of thousands; each observation keeps its own revision.
/// </summary>
public sealed record MeasureObservationsRecorded
{
    public required string MeasureCode { get; init; }

    /// <summary>The strands that own the measure.</summary>
    public required IReadOnlyList<string> StrandIds { get; init; }

    /// <summary>"london", a borough's ONS code (E09...) or a ward's (E05...).</summary>
    public required string Geography { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required IReadOnlyList<RecordedObservation> Observations { get; init; }
}

/// <summary>One observation as it now stands.</summary>
public sealed record RecordedObservation
{
    /// <summary>First day of the period.</summary>
    public required DateOnly PeriodStart { get; init; }

    /// <summary>month, quarter or year.</summary>
    public required string PeriodKind { get; init; }

    public required decimal Value { get; init; }

    public decimal? Numerator { get; init; }

    public decimal? Denominator { get; init; }

    /// <summary>1 when first recorded; increases with each revision.</summary>
    public required int Revision { get; init; }
}
