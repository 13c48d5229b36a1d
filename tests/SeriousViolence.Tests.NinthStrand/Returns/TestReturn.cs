using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;

namespace SeriousViolence.Tests.NinthStrand.Returns;

/// <summary>A monthly aggregate return for one borough: how many, who prepared it, its marking. Never personal data.</summary>
public sealed class TestReturn
{
    public Guid Id { get; set; }

    /// <summary>Always the test strand; named so the audit trail files the change under the strand.</summary>
    public string StrandId { get; set; } = NinthStrand.Strand.Id;

    /// <summary>ONS GSS code of the borough (E09...).</summary>
    public required string Borough { get; set; }

    /// <summary>The first day of the month the return covers.</summary>
    public DateOnly Month { get; set; }

    public int Count { get; set; }

    /// <summary>Who prepared the figure (a team or role, as the lead writes it).</summary>
    public required string PreparedBy { get; set; }

    public ProtectiveMarking Marking { get; set; }

    /// <summary>1 when first recorded; increases with each change; the optimistic-concurrency token.</summary>
    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}

/// <summary>That the strand's own consumer received a <see cref="TestReturnRecorded"/>: delivery bookkeeping, not information.</summary>
[NotAudited]
public sealed class ReturnReceipt
{
    public Guid ReturnId { get; set; }

    public long Version { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>What the strand's scheduled job counted when it ran.</summary>
public sealed class Tally
{
    public Guid Id { get; set; }

    public DateTimeOffset TakenAt { get; set; }

    public int Returns { get; set; }

    public int Boroughs { get; set; }
}
