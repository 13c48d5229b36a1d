using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;

namespace SeriousViolence.Strands.GangsCriminalNetworks.Networks;

/// <summary>The kinds of network the matrix prioritises.</summary>
public enum NetworkType
{
    Gang = 0,
    CriminalNetwork = 1,
    OrganisedCrimeGroup = 2,
}

/// <summary>Where a network stands in the disruption process.</summary>
public enum NetworkStatus
{
    Active = 0,
    UnderDisruption = 1,
    Disrupted = 2,
    Dismantled = 3,
    Archived = 4,
}

/// <summary>What a disruption was, as the disruption process records it.</summary>
public enum DisruptionType
{
    Arrest = 0,
    Charge = 1,
    Conviction = 2,
    FirearmSeizure = 3,
    DrugsOrCashSeizure = 4,
    CivilOrder = 5,
    InterventionOrDiversion = 6,
    Other = 7,
}

/// <summary>How much a disruption hurt the network, as the disruption process grades it.</summary>
public enum DisruptionImpact
{
    Major = 0,
    Moderate = 1,
    Minor = 2,
}

/// <summary>
/// A network on the matrix: a pseudonymous reference (CN-0042), its type, where it is active, who leads against it, its
/// current harm banding and its review date. Deliberately no property that can hold a person (ICO finding: victims and
/// offenders were not told apart on the Gangs Matrix; here no individual is recorded at all).
/// </summary>
public sealed class CriminalNetwork
{
    public Guid Id { get; set; }

    public string StrandId { get; set; } = GangsCriminalNetworksStrand.Strand.Id;

    public required string Reference { get; set; }

    public NetworkType NetworkType { get; set; }

    /// <summary>ONS GSS codes of the boroughs where it is active (E09...).</summary>
    public List<string> Boroughs { get; set; } = [];

    /// <summary>The police unit leading against it (a unit, never an officer's or anyone's name).</summary>
    public required string LeadUnit { get; set; }

    public NetworkStatus Status { get; set; }

    /// <summary>The day it was put on the matrix: no disruption can be dated before it.</summary>
    public DateOnly RecordedOn { get; set; }

    /// <summary>When it must next be reviewed; every network has one (retention control).</summary>
    public DateOnly ReviewDue { get; set; }

    public int CurrentTotal { get; set; }

    public int CurrentTier { get; set; }

    public int AssessmentRevision { get; set; }

    public DateOnly AssessedOn { get; set; }

    /// <summary>Rises whenever the free-text note changes: the audit trail shows who changed it, never what it says.</summary>
    public int NoteRevision { get; set; }

    /// <summary>Set by the retention job when the review date has passed.</summary>
    public DateTimeOffset? FlaggedAt { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }

    public string? ArchiveReason { get; set; }

    /// <summary>Set when a lead removed it from the matrix: from then on it is in no view, export or measure.</summary>
    public DateTimeOffset? RemovedAt { get; set; }

    public string? RemovedBy { get; set; }

    public string? RemovalReason { get; set; }

    public ProtectiveMarking Marking { get; set; } = ProtectiveMarking.OfficialSensitive;

    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}

/// <summary>
/// The network's short free-text note, OFFICIAL-SENSITIVE. Not audited: its words never enter the audit trail (which
/// records the change through <see cref="CriminalNetwork.NoteRevision"/>), so that deletion deletes them.
/// </summary>
[NotAudited]
public sealed class NetworkNote
{
    public Guid NetworkId { get; set; }

    public required string Text { get; set; }

    public ProtectiveMarking Marking { get; set; } = ProtectiveMarking.OfficialSensitive;
}

/// <summary>One harm assessment on the matrix's dimensions; a reassessment is a new revision, the old ones are kept.</summary>
public sealed class HarmAssessment
{
    public Guid Id { get; set; }

    public string StrandId { get; set; } = GangsCriminalNetworksStrand.Strand.Id;

    public Guid NetworkId { get; set; }

    public int Revision { get; set; }

    public DateOnly AssessedOn { get; set; }

    public int Violence { get; set; }

    public int Weapons { get; set; }

    public int Drugs { get; set; }

    /// <summary>Exploitation of young or vulnerable people.</summary>
    public int Exploitation { get; set; }

    public int CommunityImpact { get; set; }

    public int Total { get; set; }

    public int Tier { get; set; }

    /// <summary>The network's status as this assessment set it.</summary>
    public NetworkStatus Status { get; set; }

    public ProtectiveMarking Marking { get; set; } = ProtectiveMarking.OfficialSensitive;

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}

/// <summary>One entry in the disruption ledger. Entries are not edited: a mistake is put right by the lead removing the network or by a later entry.</summary>
public sealed class Disruption
{
    public Guid Id { get; set; }

    public string StrandId { get; set; } = GangsCriminalNetworksStrand.Strand.Id;

    public Guid NetworkId { get; set; }

    public DateOnly OccurredOn { get; set; }

    public DisruptionType DisruptionType { get; set; }

    public DisruptionImpact Impact { get; set; }

    /// <summary>The one RIPE heading the disruption serves.</summary>
    public RipeCategory Ripe { get; set; }

    /// <summary>Firearms seized (a firearm seizure only; 0 otherwise).</summary>
    public int Firearms { get; set; }

    public ProtectiveMarking Marking { get; set; } = ProtectiveMarking.OfficialSensitive;

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}

/// <summary>What the retention job deleted and why: the reference and counts only, never what the records said.</summary>
public sealed class RetentionDeletion
{
    public Guid Id { get; set; }

    public string StrandId { get; set; } = GangsCriminalNetworksStrand.Strand.Id;

    public required string Reference { get; set; }

    public required string Reason { get; set; }

    public int Assessments { get; set; }

    public int Disruptions { get; set; }

    public DateTimeOffset DeletedAt { get; set; }
}

/// <summary>The strand's publication counter (delivery bookkeeping): each publication of observations and highlights takes the next revision.</summary>
[NotAudited]
public sealed class Publication
{
    public int Id { get; set; }

    public long Revision { get; set; }
}
