using SeriousViolence.Abstractions;
using SeriousViolence.Plans.Model;

namespace SeriousViolence.Plans.Features;

/// <summary>What a lead edits about an objective; bound by the workspace form and by the API alike.</summary>
public sealed class ObjectiveForm
{
    public string Text { get; set; } = "";

    public bool Reassurance { get; set; }

    public bool Intelligence { get; set; }

    public bool Prevention { get; set; }

    public bool Enforcement { get; set; }

    public bool Year1 { get; set; }

    public bool Year2 { get; set; }

    public string? Owner { get; set; }

    /// <summary>Comma-separated, as typed.</summary>
    public string Partners { get; set; } = "";

    public List<string> Themes { get; set; } = [];

    public string Boroughs { get; set; } = "";

    public string? TargetText { get; set; }

    /// <summary>"2008/09 Q2", or empty.</summary>
    public string? DueQuarter { get; set; }

    public ObjectiveStatus Status { get; set; }

    public Rag? Rag { get; set; }

    public int PercentComplete { get; set; }

    public ProtectiveMarking Marking { get; set; }

    /// <summary>Comma-separated partner names the objective is shared with.</summary>
    public string SharedWith { get; set; } = "";

    public RipeCategory Ripe =>
        (Reassurance ? RipeCategory.Reassurance : 0) | (Intelligence ? RipeCategory.Intelligence : 0)
        | (Prevention ? RipeCategory.Prevention : 0) | (Enforcement ? RipeCategory.Enforcement : 0);

    public StrategyYears Years => (Year1 ? StrategyYears.Year1 : 0) | (Year2 ? StrategyYears.Year2 : 0);

    public static ObjectiveForm From(Objective o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new ObjectiveForm
        {
            Text = o.Text,
            Reassurance = o.Ripe.HasFlag(RipeCategory.Reassurance),
            Intelligence = o.Ripe.HasFlag(RipeCategory.Intelligence),
            Prevention = o.Ripe.HasFlag(RipeCategory.Prevention),
            Enforcement = o.Ripe.HasFlag(RipeCategory.Enforcement),
            Year1 = o.Years.HasFlag(StrategyYears.Year1),
            Year2 = o.Years.HasFlag(StrategyYears.Year2),
            Owner = o.Owner,
            Partners = string.Join(", ", o.Partners),
            Themes = [.. o.Themes],
            Boroughs = string.Join(", ", o.Boroughs),
            TargetText = o.TargetText,
            DueQuarter = o.DueQuarter,
            Status = o.Status,
            Rag = o.Rag,
            PercentComplete = o.PercentComplete,
            Marking = o.Marking,
            SharedWith = string.Join(", ", o.SharedWith),
        };
    }

    internal static readonly string[] KnownThemes = ["drugs", "alcohol", "mental-health", "guns", "knives"];

    internal Validation Validate()
    {
        var v = new Validation();
        if (string.IsNullOrWhiteSpace(Text))
        {
            v.Add(nameof(Text), "Describe the objective.");
        }
        else if (Text.Length > 2000)
        {
            v.Add(nameof(Text), "Keep the objective to 2,000 characters; put detail in the quarterly narrative.");
        }

        if (Ripe == RipeCategory.None)
        {
            v.Add("Ripe", "Choose at least one RIPE category.");
        }

        if (PercentComplete is < 0 or > 100)
        {
            v.Add(nameof(PercentComplete), "Percent complete is between 0 and 100.");
        }

        if (Marking == ProtectiveMarking.OfficialSensitive && SplitList(SharedWith).Count > 0)
        {
            v.Add(nameof(SharedWith), "An OFFICIAL-SENSITIVE objective is not shared outside the force; remove the partners or lower the marking.");
        }

        if (Status == ObjectiveStatus.Complete && PercentComplete != 100)
        {
            v.Add(nameof(PercentComplete), "A complete objective is 100% complete.");
        }

        if (!Enum.IsDefined(Status))
        {
            v.Add(nameof(Status), "Choose a status.");
        }

        if (!string.IsNullOrWhiteSpace(DueQuarter))
        {
            try
            {
                FinancialQuarter.Parse(DueQuarter);
            }
            catch (FormatException)
            {
                v.Add(nameof(DueQuarter), "Write the due quarter as 2008/09 Q2 (financial year, April to March).");
            }
        }

        foreach (var theme in Themes.Where(t => !KnownThemes.Contains(t, StringComparer.Ordinal)))
        {
            v.Add(nameof(Themes), $"'{theme}' is not one of the strategy's themes.");
        }

        if (Owner?.Length > 200)
        {
            v.Add(nameof(Owner), "Keep the owner to 200 characters.");
        }

        return v;
    }

    internal void ApplyTo(Objective o)
    {
        o.Text = Text.Trim();
        o.Ripe = Ripe;
        o.Years = Years;
        o.Owner = string.IsNullOrWhiteSpace(Owner) ? null : Owner.Trim();
        o.Partners = SplitList(Partners);
        o.Themes = [.. Themes.Distinct(StringComparer.Ordinal).OrderBy(t => Array.IndexOf(KnownThemes, t))];
        o.Boroughs = SplitList(Boroughs);
        o.TargetText = string.IsNullOrWhiteSpace(TargetText) ? null : TargetText.Trim();
        o.DueQuarter = string.IsNullOrWhiteSpace(DueQuarter) ? null : FinancialQuarter.Parse(DueQuarter).ToString();
        o.Status = Status;
        o.Rag = Rag;
        o.PercentComplete = PercentComplete;
        o.Marking = Marking;
        o.SharedWith = SplitList(SharedWith);
    }

    private static List<string> SplitList(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];
}
