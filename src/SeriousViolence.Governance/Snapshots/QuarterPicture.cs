namespace SeriousViolence.Governance.Snapshots;

/// <summary>The content of a quarter record, stored as JSON: the Board's picture as at the lock.</summary>
public sealed record QuarterPicture
{
    public required string Quarter { get; init; }

    public required DateTimeOffset TakenAt { get; init; }

    public required IReadOnlyList<StrandPicture> Strands { get; init; }

    public required IReadOnlyList<MeasurePicture> Measures { get; init; }

    /// <summary>Objectives by status across every strand: the Board summary's headline.</summary>
    public required IReadOnlyDictionary<string, int> ObjectivesByStatus { get; init; }
}

public sealed record StrandPicture
{
    public required string StrandId { get; init; }

    public required int Number { get; init; }

    public required string Name { get; init; }

    /// <summary>"on time", "late" or "not submitted" as at the lock.</summary>
    public required string Submission { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public string? SubmittedBy { get; init; }

    public required IReadOnlyList<ObjectivePicture> Objectives { get; init; }
}

public sealed record ObjectivePicture
{
    public required Guid ObjectiveId { get; init; }

    public required string Text { get; init; }

    public required string Status { get; init; }

    public string? Rag { get; init; }

    public required int PercentComplete { get; init; }

    public required long Revision { get; init; }

    /// <summary>The strand's update for this objective for the quarter, as submitted (null if none reached the Board).</summary>
    public ObjectiveUpdatePicture? Update { get; init; }
}

public sealed record ObjectiveUpdatePicture(int Revision, bool CarriedForward, string? Rag, int PercentComplete, string Narrative, string SubmittedBy, DateTimeOffset SubmittedAt);

public sealed record MeasurePicture
{
    public required string MeasureCode { get; init; }

    public required string Geography { get; init; }

    public required string LatestPeriod { get; init; }

    public required decimal LatestValue { get; init; }

    public required int Points { get; init; }

    /// <summary>The SPC variation icon of the latest point, with the measure's polarity as the Board received it, or null.</summary>
    public string? Variation { get; init; }

    /// <summary>The last points of the control chart with the latest segment's mean and process limits, for the pack.</summary>
    public IReadOnlyList<ChartPoint> Chart { get; init; } = [];

    public double? Mean { get; init; }

    public double? LowerProcessLimit { get; init; }

    public double? UpperProcessLimit { get; init; }
}

/// <summary>One point of a measure's control chart as at the lock.</summary>
public sealed record ChartPoint(string Period, double Value, string Variation);
