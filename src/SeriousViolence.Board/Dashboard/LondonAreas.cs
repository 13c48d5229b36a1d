namespace SeriousViolence.Board.Dashboard;

/// <summary>
/// London's 33 local-authority areas (32 boroughs and the City) by ONS GSS code, each with a square on our own tile
/// map: one equal square per area, placed roughly where the area lies, so the map needs no boundary file and no area
/// is too small to see. The City of London has its own police force; it is drawn, and shows no MPS data.
/// </summary>
public static class LondonAreas
{
    public sealed record Area(string Code, string Name, string Abbreviation, int Row, int Column);

    public static readonly IReadOnlyList<Area> All =
    [
        new("E09000010", "Enfield", "Enf", 0, 4),
        new("E09000015", "Harrow", "Hrw", 1, 2), new("E09000003", "Barnet", "Bar", 1, 3), new("E09000014", "Haringey", "Hgy", 1, 4),
        new("E09000031", "Waltham Forest", "WFo", 1, 5),
        new("E09000017", "Hillingdon", "Hil", 2, 0), new("E09000009", "Ealing", "Eal", 2, 1), new("E09000005", "Brent", "Bre", 2, 2),
        new("E09000007", "Camden", "Cam", 2, 3), new("E09000019", "Islington", "Isl", 2, 4), new("E09000012", "Hackney", "Hck", 2, 5),
        new("E09000026", "Redbridge", "Red", 2, 6), new("E09000016", "Havering", "Hav", 2, 7),
        new("E09000018", "Hounslow", "Hou", 3, 0), new("E09000013", "Hammersmith and Fulham", "H&F", 3, 1),
        new("E09000020", "Kensington and Chelsea", "K&C", 3, 2), new("E09000033", "Westminster", "Wst", 3, 3),
        new("E09000001", "City of London", "City", 3, 4), new("E09000030", "Tower Hamlets", "TH", 3, 5), new("E09000025", "Newham", "New", 3, 6),
        new("E09000002", "Barking and Dagenham", "B&D", 3, 7),
        new("E09000027", "Richmond upon Thames", "Ric", 4, 1), new("E09000032", "Wandsworth", "Wan", 4, 2), new("E09000022", "Lambeth", "Lam", 4, 3),
        new("E09000028", "Southwark", "Sth", 4, 4), new("E09000023", "Lewisham", "Lew", 4, 5), new("E09000011", "Greenwich", "Gre", 4, 6),
        new("E09000004", "Bexley", "Bex", 4, 7),
        new("E09000021", "Kingston upon Thames", "Kin", 5, 2), new("E09000024", "Merton", "Mer", 5, 3), new("E09000008", "Croydon", "Cro", 5, 4),
        new("E09000006", "Bromley", "Bro", 5, 5),
        new("E09000029", "Sutton", "Sut", 6, 3),
    ];

    private static readonly Dictionary<string, Area> ByName = All.ToDictionary(a => Key(a.Name), StringComparer.Ordinal);

    /// <summary>The area a borough name as the documents write it refers to ("Hammersmith &amp; Fulham", "Kingston"), or null.</summary>
    public static Area? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = Key(name);
        return ByName.GetValueOrDefault(key) ?? All.FirstOrDefault(a => Key(a.Name).StartsWith(key, StringComparison.Ordinal) && key.Length >= 4);
    }

    private static string Key(string name) =>
        string.Join(' ', name.Replace("&", " and ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
