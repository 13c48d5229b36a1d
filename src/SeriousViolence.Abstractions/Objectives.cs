namespace SeriousViolence.Abstractions;

/// <summary>Where an objective stands. Stored by name, so the numbers carry no meaning.</summary>
public enum ObjectiveStatus
{
    NotStarted,
    OnTrack,
    AtRisk,
    OffTrack,
    Complete,
    Cancelled,
}

/// <summary>The strategy's two years of delivery; an objective may span both.</summary>
[Flags]
public enum StrategyYears
{
    None = 0,
    Year1 = 1,
    Year2 = 2,
    Both = Year1 | Year2,
}

public static class StrategyVocabulary
{
    /// <summary>As the Board writes it: "Not started", "On track", ...</summary>
    public static string Label(this ObjectiveStatus status) => status switch
    {
        ObjectiveStatus.NotStarted => "Not started",
        ObjectiveStatus.OnTrack => "On track",
        ObjectiveStatus.AtRisk => "At risk",
        ObjectiveStatus.OffTrack => "Off track",
        ObjectiveStatus.Complete => "Complete",
        ObjectiveStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    public static string Label(this StrategyYears years) => years switch
    {
        StrategyYears.Year1 => "Year 1",
        StrategyYears.Year2 => "Year 2",
        StrategyYears.Both => "Years 1 and 2",
        _ => "No year given",
    };

    /// <summary>"Reassurance and Prevention", in R-I-P-E order.</summary>
    public static string Label(this RipeCategory ripe) =>
        ripe == RipeCategory.None ? "None" : string.Join(" and ", Categories(ripe));

    public static IEnumerable<RipeCategory> Categories(this RipeCategory ripe) =>
        new[] { RipeCategory.Reassurance, RipeCategory.Intelligence, RipeCategory.Prevention, RipeCategory.Enforcement }.Where(c => ripe.HasFlag(c));

    public static RipeCategory ParseRipe(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var ripe = RipeCategory.None;
        foreach (var name in names)
        {
            ripe |= Enum.TryParse<RipeCategory>(name, ignoreCase: true, out var c) && c != RipeCategory.None
                ? c
                : throw new FormatException($"'{name}' is not a RIPE category (Reassurance, Intelligence, Prevention, Enforcement).");
        }

        return ripe;
    }

    public static StrategyYears ParseYears(IEnumerable<int> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var result = StrategyYears.None;
        foreach (var year in years)
        {
            result |= year switch
            {
                1 => StrategyYears.Year1,
                2 => StrategyYears.Year2,
                _ => throw new FormatException($"Year {year} is not a year of the strategy (1 or 2)."),
            };
        }

        return result;
    }
}
