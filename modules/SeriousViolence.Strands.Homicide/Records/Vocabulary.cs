namespace SeriousViolence.Strands.Homicide.Records;

public static class InvestigationStatuses
{
    public const string Open = "open";
    public const string Detected = "detected";
    public const string Closed = "closed";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Open] = "Open", [Detected] = "Detected (case continuing)", [Closed] = "Closed",
    };
}

public static class InvestigationOutcomes
{
    public const string Murder = "convicted-murder";
    public const string Manslaughter = "convicted-manslaughter";
    public const string Acquitted = "acquitted";
    public const string Other = "other";

    /// <summary>Every outcome at court; none yet is the empty choice.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Murder] = "Convicted of murder", [Manslaughter] = "Convicted of manslaughter", [Acquitted] = "Acquitted", [Other] = "Other outcome at court",
    };
}

public static class FiuRequestTypes
{
    public const string CashSeizure = "cash-seizure";
    public const string Advice = "advice";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [CashSeizure] = "Cash seizure (48 hours)", [Advice] = "Advice or assistance to an SIO/IO/MIT (24 hours)",
    };

    /// <summary>The strategy's response times: 48 hours to a cash seizure, 24 hours to a request for advice.</summary>
    public static TimeSpan Allowed(string type) => type == CashSeizure ? TimeSpan.FromHours(48) : TimeSpan.FromHours(24);

    /// <summary>How long before the deadline the FIU lead is warned: a quarter of the time allowed (12 h, 6 h).</summary>
    public static TimeSpan WarnBefore(string type) => Allowed(type) / 4;

    public static string MeasureCode(string type) => type == CashSeizure ? "fiu-cash-seizure-48h" : "fiu-advice-24h";

    /// <summary>Who may be recorded as having responded: units and roles, never a person.</summary>
    public static readonly IReadOnlyList<string> Responders =
    [
        "SCD1 FIU duty financial investigator",
        "SCD1 FIU financial investigator",
        "SCD1 FIU detective sergeant",
        "SCD1 FIU manager",
        "SCD1 FIU cash seizure team",
    ];

    /// <summary>Who the deadline job warns.</summary>
    public const string FiuLead = "SCD1 FIU lead (Detective Inspector, Financial Investigation Unit)";
}

public static class ProjectStatuses
{
    public const string Proposed = "proposed";
    public const string Active = "active";
    public const string Completed = "completed";
    public const string Withdrawn = "withdrawn";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Proposed] = "Proposed", [Active] = "Active (supported)", [Completed] = "Completed (supported)", [Withdrawn] = "Withdrawn",
    };
}

/// <summary>
/// The strategy's partner list (document 003, lines 523-605: 41 entries, 39 distinct bodies, the two repeats given
/// once), kept here because a strand may not reference Plans, which holds the same list from its seed.
/// </summary>
public static class StrategyPartners
{
    public static readonly IReadOnlyList<string> All =
    [
        "MPA", "DFES", "DCMS", "DCLG", "Home Office", "London Councils", "Ministry of Justice", "GLA", "CDRPs", "PCTs",
        "YJB", "YOTs", "MYAG", "NHS", "NPIA", "Skills Council", "Voluntary Sector", "HMCS", "HMIC", "Prison Service",
        "Probation Service", "GOL", "Guns, Gangs and Weapons Reduction Board", "Women's Aid", "Barnardo's",
        "Save the Children", "Strategic Health Authorities", "SOCA", "London Community Safety Partnership",
        "London Youth Crime Prevention Board", "London Criminal Justice Board", "Victim Support Services",
        "Child Exploitation Online Protection Centre", "Internet Watch Foundation", "Africans Unite Against Child Abuse",
        "London Safeguarding Children Board", "Local Safeguarding Children's Boards",
        "National Society for the Prevention of Cruelty to Children including ChildLine",
        "Association of Directors of Children's Services",
    ];
}
