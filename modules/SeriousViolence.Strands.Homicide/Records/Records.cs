using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;

namespace SeriousViolence.Strands.Homicide.Records;

/// <summary>
/// A homicide investigation, known only by its operation name (a pseudonymous reference). Its figures count in the
/// financial quarter it opened, and are revised there as detection, charge, court outcome and debrief arrive.
/// </summary>
public sealed class Investigation
{
    public Guid Id { get; set; }

    /// <summary>Always Homicide; named so the audit trail files the change under the strand.</summary>
    public string StrandId { get; set; } = HomicideStrand.Strand.Id;

    public required string OperationName { get; set; }

    public DateOnly OpenedOn { get; set; }

    /// <summary>ONS GSS code of the borough (E09...).</summary>
    public required string Borough { get; set; }

    /// <summary>open, detected or closed (<see cref="InvestigationStatuses"/>).</summary>
    public required string Status { get; set; }

    public DateOnly? DetectedOn { get; set; }

    public DateOnly? ChargedOn { get; set; }

    /// <summary>convicted-murder, convicted-manslaughter, acquitted, other; null while not concluded at court.</summary>
    public string? Outcome { get; set; }

    public DateOnly? DebriefedOn { get; set; }

    public ProtectiveMarking Marking { get; set; }

    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public bool Detected => DetectedOn is not null;

    public bool Convicted => Outcome is InvestigationOutcomes.Murder or InvestigationOutcomes.Manslaughter;
}

/// <summary>A request to SCD1's Financial Investigation Unit, with the deadline fixed when it was received.</summary>
public sealed class FiuRequest
{
    public Guid Id { get; set; }

    /// <summary>Given by PostgreSQL on insert; the request's reference (FIU-000012).</summary>
    public long Number { get; set; }

    public string StrandId { get; set; } = HomicideStrand.Strand.Id;

    /// <summary>cash-seizure or advice (<see cref="FiuRequestTypes"/>).</summary>
    public required string RequestType { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset DeadlineAt { get; set; }

    public DateTimeOffset? RespondedAt { get; set; }

    /// <summary>The unit or role that responded (<see cref="FiuRequestTypes.Responders"/>), never a person's name.</summary>
    public string? RespondedBy { get; set; }

    /// <summary>When the deadline job warned the FIU lead that the deadline was near.</summary>
    public DateTimeOffset? WarnedAt { get; set; }

    /// <summary>When the deadline job found the deadline passed without a response.</summary>
    public DateTimeOffset? BreachFoundAt { get; set; }

    public ProtectiveMarking Marking { get; set; }

    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public string Reference => $"FIU-{Number:D6}";

    /// <summary>Answered by the deadline.</summary>
    public bool Met => RespondedAt is { } at && at <= DeadlineAt;

    /// <summary>Known to have missed its deadline at <paramref name="now"/>: answered late, or not answered and past it.</summary>
    public bool Breached(DateTimeOffset now) => RespondedAt is { } at ? at > DeadlineAt : now > DeadlineAt;
}

/// <summary>What the deadline job told the FIU lead about one request.</summary>
public sealed class FiuWarning
{
    public Guid Id { get; set; }

    public string StrandId { get; set; } = HomicideStrand.Strand.Id;

    public Guid RequestId { get; set; }

    /// <summary>warning (before the deadline) or breach (after it).</summary>
    public required string Kind { get; set; }

    public required string AddressedTo { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset DeadlineAt { get; set; }

    public DateTimeOffset RaisedAt { get; set; }
}

/// <summary>A partnership project or initiative the strand supports to reduce homicide in identified thematic groups.</summary>
public sealed class PartnershipProject
{
    public Guid Id { get; set; }

    public string StrandId { get; set; } = HomicideStrand.Strand.Id;

    public required string Name { get; set; }

    /// <summary>Partner bodies, each from the strategy's partner list (<see cref="StrategyPartners"/>).</summary>
    public List<string> Partners { get; set; } = [];

    public required string Objective { get; set; }

    public DateOnly StartedOn { get; set; }

    /// <summary>proposed, active, completed or withdrawn; active and completed projects count as supported.</summary>
    public required string Status { get; set; }

    public string Evidence { get; set; } = "";

    public ProtectiveMarking Marking { get; set; }

    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public bool Supported => Status is ProjectStatuses.Active or ProjectStatuses.Completed;
}

/// <summary>An observation as the strand last published it: delivery bookkeeping, so a change republishes only what it moved.</summary>
[NotAudited]
public sealed class PublishedFigure
{
    public required string MeasureCode { get; set; }

    public required string Geography { get; set; }

    public required string PeriodKind { get; set; }

    public DateOnly PeriodStart { get; set; }

    public decimal Value { get; set; }

    public decimal? Numerator { get; set; }

    public decimal? Denominator { get; set; }

    public int Revision { get; set; }

    public DateTimeOffset PublishedAt { get; set; }
}

/// <summary>The revision of the strand's highlights on the Board.</summary>
[NotAudited]
public sealed class HighlightRevision
{
    public int Id { get; set; } = 1;

    public long Revision { get; set; }
}
