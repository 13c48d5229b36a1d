using SeriousViolence.Abstractions;

namespace SeriousViolence.Strands.GangsCriminalNetworks.Sharing;

/// <summary>An information-sharing agreement with a partner: without a current one, no partner export is made.</summary>
public sealed class SharingAgreement
{
    public Guid Id { get; set; }

    public string StrandId { get; set; } = GangsCriminalNetworksStrand.Strand.Id;

    /// <summary>The partner organisation (e.g. "London Borough of Lambeth Community Safety").</summary>
    public required string Partner { get; set; }

    public required string Purpose { get; set; }

    public required string LegalBasis { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly ExpiresOn { get; set; }

    public ProtectiveMarking Marking { get; set; } = ProtectiveMarking.Official;

    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public bool IsCurrentOn(DateOnly day) => StartsOn <= day && day <= ExpiresOn;
}

/// <summary>An export made or refused: to whom, why, under which agreement. Audited on creation with the actor.</summary>
public sealed class ExportRecord
{
    public const string PartnerAggregate = "partner-aggregate";

    public const string Register = "register";

    public Guid Id { get; set; }

    public string StrandId { get; set; } = GangsCriminalNetworksStrand.Strand.Id;

    public required string Kind { get; set; }

    public Guid? AgreementId { get; set; }

    public required string Recipient { get; set; }

    public required string Purpose { get; set; }

    /// <summary>Set when the export was refused (no current agreement, say): nothing left the platform.</summary>
    public string? RefusedBecause { get; set; }

    public int Rows { get; set; }

    public int Suppressed { get; set; }

    public ProtectiveMarking Marking { get; set; }

    public DateTimeOffset ExportedAt { get; set; }

    public required string ExportedBy { get; set; }
}
