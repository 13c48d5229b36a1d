using SeriousViolence.Abstractions;

namespace SeriousViolence.Strands.GangsCriminalNetworks.Networks;

/// <summary>
/// The prioritisation matrix's scoring: five dimensions scored 0-5, totalled (0-25) and banded into a harm tier
/// (1 the most harmful). Words for the pages and exports live here too, so every view says the same.
/// </summary>
public static class HarmMatrix
{
    public const int MaxScore = 5;

    public static int Tier(int total) => total switch
    {
        >= 20 => 1,
        >= 14 => 2,
        >= 8 => 3,
        _ => 4,
    };

    public static string TierText(int tier) => tier switch
    {
        1 => "Tier 1 (highest harm, 20-25)",
        2 => "Tier 2 (14-19)",
        3 => "Tier 3 (8-13)",
        _ => "Tier 4 (0-7)",
    };

    public static string Text(NetworkType type) => type switch
    {
        NetworkType.Gang => "Gang",
        NetworkType.CriminalNetwork => "Criminal network",
        NetworkType.OrganisedCrimeGroup => "Organised crime group",
        _ => type.ToString(),
    };

    public static string Text(NetworkStatus status) => status switch
    {
        NetworkStatus.Active => "Active",
        NetworkStatus.UnderDisruption => "Under disruption",
        NetworkStatus.Disrupted => "Disrupted",
        NetworkStatus.Dismantled => "Dismantled",
        NetworkStatus.Archived => "Archived",
        _ => status.ToString(),
    };

    public static string Text(DisruptionType type) => type switch
    {
        DisruptionType.Arrest => "Arrest",
        DisruptionType.Charge => "Charge",
        DisruptionType.Conviction => "Conviction",
        DisruptionType.FirearmSeizure => "Firearm seizure",
        DisruptionType.DrugsOrCashSeizure => "Drugs or cash seizure",
        DisruptionType.CivilOrder => "Civil order",
        DisruptionType.InterventionOrDiversion => "Intervention or diversion",
        DisruptionType.Other => "Other",
        _ => type.ToString(),
    };

    public static string Text(DisruptionImpact impact) => impact.ToString();

    public static string BoroughName(string code) => Geographies.Boroughs.GetValueOrDefault(code, code);

    public static readonly RipeCategory[] RipeHeadings = [RipeCategory.Reassurance, RipeCategory.Intelligence, RipeCategory.Prevention, RipeCategory.Enforcement];
}
