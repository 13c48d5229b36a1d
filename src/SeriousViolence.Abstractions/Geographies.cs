namespace SeriousViolence.Abstractions;

/// <summary>
/// London's 33 local-authority areas by ONS GSS code, and the MPS's pseudo-boroughs. A pseudo-borough's offences are
/// MPS offences, so they count in London's total; they are not places, so no borough view shows them.
/// </summary>
public static class Geographies
{
    public const string London = "london";

    public static readonly IReadOnlyDictionary<string, string> Boroughs = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["E09000001"] = "City of London", ["E09000002"] = "Barking and Dagenham", ["E09000003"] = "Barnet", ["E09000004"] = "Bexley",
        ["E09000005"] = "Brent", ["E09000006"] = "Bromley", ["E09000007"] = "Camden", ["E09000008"] = "Croydon", ["E09000009"] = "Ealing",
        ["E09000010"] = "Enfield", ["E09000011"] = "Greenwich", ["E09000012"] = "Hackney", ["E09000013"] = "Hammersmith and Fulham",
        ["E09000014"] = "Haringey", ["E09000015"] = "Harrow", ["E09000016"] = "Havering", ["E09000017"] = "Hillingdon", ["E09000018"] = "Hounslow",
        ["E09000019"] = "Islington", ["E09000020"] = "Kensington and Chelsea", ["E09000021"] = "Kingston upon Thames", ["E09000022"] = "Lambeth",
        ["E09000023"] = "Lewisham", ["E09000024"] = "Merton", ["E09000025"] = "Newham", ["E09000026"] = "Redbridge",
        ["E09000027"] = "Richmond upon Thames", ["E09000028"] = "Southwark", ["E09000029"] = "Sutton", ["E09000030"] = "Tower Hamlets",
        ["E09000031"] = "Waltham Forest", ["E09000032"] = "Wandsworth", ["E09000033"] = "Westminster",
    };

    public static readonly IReadOnlyDictionary<string, string> PseudoBoroughs = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["mps:unknown"] = "Unknown",
        ["mps:airports"] = "London Heathrow and London City Airports",
        ["mps:so18"] = "Aviation Security (SO18)",
        ["mps:so18-legacy"] = "Aviation Security (SO18) (Legacy Only)",
        ["mps:nk-legacy"] = "N/K (Legacy Only)",
    };

    /// <summary>Areas some MPS files list that are not the MPS's: their rows are left out of every total, with a note.</summary>
    public static bool IsOutsideTheMps(string name) =>
        string.Equals(name.Trim(), "Non MET police force", StringComparison.OrdinalIgnoreCase);

    private static readonly Dictionary<string, string> ByName = Boroughs.Concat(PseudoBoroughs)
        .ToDictionary(kv => Key(kv.Value), kv => kv.Key, StringComparer.Ordinal);

    /// <summary>The code for a borough or pseudo-borough name as the MPS files spell it (any case, "&amp;" or "and").</summary>
    public static string? CodeFor(string name) => ByName.GetValueOrDefault(Key(name));

    public static bool IsPseudo(string code) => code.StartsWith("mps:", StringComparison.Ordinal);

    private static string Key(string name) =>
        string.Join(' ', name.Replace("&", " and ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
