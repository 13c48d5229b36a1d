namespace SeriousViolence.Tests.NinthStrand.Returns;

/// <summary>
/// The test strand's own message (not a shared contract): a return was recorded or changed. Published through the
/// strand's outbox with the change; consumed by the strand's own consumer.
/// </summary>
public sealed record TestReturnRecorded
{
    public required Guid ReturnId { get; init; }

    public required string StrandId { get; init; }

    public required string Borough { get; init; }

    public required DateOnly Month { get; init; }

    public required int Count { get; init; }

    /// <summary>The return's version after the change; increases with each change.</summary>
    public required long Version { get; init; }

    public required string RecordedBy { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }
}
