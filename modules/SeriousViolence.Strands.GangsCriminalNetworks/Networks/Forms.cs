using SeriousViolence.Abstractions;

namespace SeriousViolence.Strands.GangsCriminalNetworks.Networks;

/// <summary>The five scores as typed: each checked on the server, 0 to 5.</summary>
public class ScoresForm
{
    public string Violence { get; set; } = "";

    public string Weapons { get; set; } = "";

    public string Drugs { get; set; } = "";

    public string Exploitation { get; set; } = "";

    public string CommunityImpact { get; set; } = "";

    internal Scores? ValidateScores(Dictionary<string, string[]> errors)
    {
        var v = FormText.Score(errors, nameof(Violence), Violence, "violence");
        var w = FormText.Score(errors, nameof(Weapons), Weapons, "weapons");
        var d = FormText.Score(errors, nameof(Drugs), Drugs, "drugs");
        var e = FormText.Score(errors, nameof(Exploitation), Exploitation, "exploitation of young or vulnerable people");
        var c = FormText.Score(errors, nameof(CommunityImpact), CommunityImpact, "community impact");
        return v is null || w is null || d is null || e is null || c is null ? null : new Scores(v.Value, w.Value, d.Value, e.Value, c.Value);
    }
}

internal sealed record Scores(int Violence, int Weapons, int Drugs, int Exploitation, int CommunityImpact)
{
    public int Total => Violence + Weapons + Drugs + Exploitation + CommunityImpact;
}

/// <summary>A network put on the matrix, with its first harm assessment. There is no field for a person, by design.</summary>
public sealed class NetworkForm : ScoresForm
{
    public const int LeadUnitMax = 120;

    public const int NoteMax = 500;

    public string NetworkType { get; set; } = "";

    /// <summary>GSS codes of the boroughs of activity.</summary>
    public IReadOnlyList<string> Boroughs { get; set; } = [];

    public string LeadUnit { get; set; } = "";

    /// <summary>Optional, at most 500 characters, OFFICIAL-SENSITIVE: what the network does, never about a person.</summary>
    public string Note { get; set; } = "";

    internal Dictionary<string, string[]> Validate(out ParsedNetwork? parsed)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var type = FormText.Choice<NetworkType>(errors, nameof(NetworkType), NetworkType, "Choose gang, criminal network or organised crime group.");
        var boroughs = (Boroughs ?? []).Select(b => (b ?? "").Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (boroughs.Count == 0 || boroughs.Count > Geographies.Boroughs.Count)
        {
            errors[nameof(Boroughs)] = ["Choose at least one borough where the network is active."];
        }
        else if (boroughs.Any(b => !Geographies.Boroughs.ContainsKey(b)))
        {
            errors[nameof(Boroughs)] = ["Choose boroughs from London's 33 (GSS codes such as E09000022)."];
        }

        var unit = FormText.Text(errors, nameof(LeadUnit), LeadUnit, LeadUnitMax, "the lead unit (a unit, such as Trident South)");
        var note = FormText.Text(errors, nameof(Note), Note, NoteMax, "a note", required: false);
        var scores = ValidateScores(errors);
        parsed = errors.Count == 0 ? new ParsedNetwork(type!.Value, boroughs, unit!, note!, scores!) : null;
        return errors;
    }
}

internal sealed record ParsedNetwork(NetworkType Type, List<string> Boroughs, string LeadUnit, string Note, Scores Scores);

/// <summary>A reassessment: new scores, the day assessed, and where the network now stands.</summary>
public sealed class AssessmentForm : ScoresForm
{
    public string AssessedOn { get; set; } = "";

    public string Status { get; set; } = nameof(NetworkStatus.Active);

    internal Dictionary<string, string[]> Validate(DateOnly recordedOn, DateOnly today, out (Scores Scores, DateOnly On, NetworkStatus Status)? parsed)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var on = FormText.Date(errors, nameof(AssessedOn), AssessedOn, "the day it was assessed");
        if (on is { } d && (d < recordedOn || d > today))
        {
            errors[nameof(AssessedOn)] = [$"The assessment must be dated between the day the network was recorded ({recordedOn:yyyy-MM-dd}) and today."];
        }

        var status = FormText.Choice<NetworkStatus>(errors, nameof(Status), Status, "Choose active, under disruption, disrupted or dismantled.");
        if (status == NetworkStatus.Archived)
        {
            errors[nameof(Status)] = ["Only the retention job archives a network (when it was not reviewed in time)."];
        }

        var scores = ValidateScores(errors);
        parsed = errors.Count == 0 ? (scores!, on!.Value, status!.Value) : null;
        return errors;
    }
}

/// <summary>A disruption for the ledger, as typed.</summary>
public sealed class DisruptionForm
{
    public string OccurredOn { get; set; } = "";

    public string DisruptionType { get; set; } = "";

    public string Impact { get; set; } = "";

    public string Ripe { get; set; } = "";

    public string Firearms { get; set; } = "0";

    internal Dictionary<string, string[]> Validate(DateOnly recordedOn, DateOnly today, out Disruption? parsed)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var on = FormText.Date(errors, nameof(OccurredOn), OccurredOn, "the day of the disruption");
        if (on is { } d && d < recordedOn)
        {
            errors[nameof(OccurredOn)] = [$"The disruption cannot be dated before the network was recorded ({recordedOn:yyyy-MM-dd})."];
        }
        else if (on is { } f && f > today)
        {
            errors[nameof(OccurredOn)] = ["The disruption cannot be dated in the future."];
        }

        var type = FormText.Choice<DisruptionType>(errors, nameof(DisruptionType), DisruptionType, "Choose the type of disruption.");
        var impact = FormText.Choice<DisruptionImpact>(errors, nameof(Impact), Impact, "Choose major, moderate or minor impact.");
        var ripe = FormText.Choice<RipeCategory>(errors, nameof(Ripe), Ripe, "Choose the RIPE heading: reassurance, intelligence, prevention or enforcement.");
        if (ripe is { } r && !HarmMatrix.RipeHeadings.Contains(r))
        {
            errors[nameof(Ripe)] = ["Choose one RIPE heading: reassurance, intelligence, prevention or enforcement."];
        }

        var firearmsText = (Firearms ?? "").Trim();
        var firearms = 0;
        if (firearmsText.Length > 0 && (firearmsText.Length > 3 || !int.TryParse(firearmsText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out firearms) || firearms > 500))
        {
            errors[nameof(Firearms)] = ["Give the firearms seized as a whole number from 0 to 500."];
        }
        else if (type == Networks.DisruptionType.FirearmSeizure && firearms < 1)
        {
            errors[nameof(Firearms)] = ["A firearm seizure seized at least one firearm: say how many."];
        }
        else if (type is { } t && t != Networks.DisruptionType.FirearmSeizure && firearms > 0)
        {
            errors[nameof(Firearms)] = ["Firearms are counted on a firearm seizure only: record the seizure as its own disruption."];
        }

        parsed = errors.Count == 0
            ? new Disruption { OccurredOn = on!.Value, DisruptionType = type!.Value, Impact = impact!.Value, Ripe = ripe!.Value, Firearms = firearms, RecordedBy = "" }
            : null;
        return errors;
    }
}

/// <summary>A lead's removal of a network from the matrix: the reason is required.</summary>
public sealed class RemovalForm
{
    public const int ReasonMax = 300;

    public string Reason { get; set; } = "";

    internal Dictionary<string, string[]> Validate(out string? reason)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        reason = FormText.Text(errors, nameof(Reason), Reason, ReasonMax, "the reason for removing the network from the matrix");
        return errors;
    }
}
