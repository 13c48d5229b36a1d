namespace SeriousViolence.Performance.Spc;

/// <summary>One point as analysed, with the limits of its segment.</summary>
public sealed record SpcPointResult
{
    public required int Index { get; init; }

    public required string Period { get; init; }

    public required double Value { get; init; }

    /// <summary>The <see cref="SpcSegment.Number"/> of the segment the point belongs to.</summary>
    public required int Segment { get; init; }

    /// <summary>The segment's limits are trial limits.</summary>
    public required bool IsTrial { get; init; }

    public required double Mean { get; init; }

    public required double LowerProcessLimit { get; init; }

    public required double UpperProcessLimit { get; init; }

    public required double LowerNearLimit { get; init; }

    public required double UpperNearLimit { get; init; }

    /// <summary>Every rule the point is part of.</summary>
    public required SpcRules RulesFired { get; init; }

    /// <summary>The rule of highest precedence among <see cref="RulesFired"/>, which decided high or low; None if none fired.</summary>
    public required SpcRules DecidingRule { get; init; }

    public required PointVariation Variation { get; init; }
}
