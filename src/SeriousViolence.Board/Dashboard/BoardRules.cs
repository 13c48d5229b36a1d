using SeriousViolence.Abstractions;
using SeriousViolence.Performance.Spc;

namespace SeriousViolence.Board.Dashboard;

/// <summary>
/// The Board's rules, in one pure place so the pages state them, the tests check them and the API, the agenda, the CSV
/// and the print view cannot disagree: which objective is overdue, what a strand's RAG roll-up is, and what makes an
/// exception for the next Board meeting.
/// </summary>
public static class BoardRules
{
    /// <summary>At or above this share of open objectives in concern, a strand is Red.</summary>
    public const double RedShare = 0.25;

    public const string RollUpRule =
        "An objective is of concern when its status is Off track, its RAG is Red or it is overdue (due in a quarter that has ended and not complete). " +
        "A strand is Red when a quarter or more of its open objectives are of concern; Amber when any open objective is of concern or At risk (or RAG Amber), " +
        "or when it did not submit the last quarter's update; Green otherwise. Open means not Complete and not Cancelled.";

    public const string OnTrackRule = "On track share: objectives On track or Complete, out of all objectives that are not Cancelled.";

    public static bool IsOpen(string status) => status is not (nameof(ObjectiveStatus.Complete) or nameof(ObjectiveStatus.Cancelled));

    /// <summary>Due in a quarter that has ended, and neither complete nor cancelled.</summary>
    public static bool IsOverdue(string status, string? dueQuarter, FinancialQuarter current) =>
        IsOpen(status) && TryQuarter(dueQuarter) is { } due && due < current;

    public static bool IsOfConcern(string status, string? rag, string? dueQuarter, FinancialQuarter current) =>
        IsOpen(status) && (status == nameof(ObjectiveStatus.OffTrack) || rag == nameof(Rag.Red) || IsOverdue(status, dueQuarter, current));

    public static bool IsToWatch(string status, string? rag) =>
        IsOpen(status) && (status == nameof(ObjectiveStatus.AtRisk) || rag == nameof(Rag.Amber));

    public static FinancialQuarter? TryQuarter(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return FinancialQuarter.Parse(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The strand's RAG by <see cref="RollUpRule"/>; null when it has no objectives to judge.</summary>
    public static Rag? RollUp(IReadOnlyCollection<ObjectiveFacts> objectives, bool missedLastQuarter, FinancialQuarter current)
    {
        ArgumentNullException.ThrowIfNull(objectives);
        var open = objectives.Where(o => IsOpen(o.Status)).ToList();
        if (objectives.Count == 0)
        {
            return null;
        }

        var concern = open.Count(o => IsOfConcern(o.Status, o.Rag, o.DueQuarter, current));
        if (open.Count > 0 && concern >= RedShare * open.Count)
        {
            return Rag.Red;
        }

        return concern > 0 || open.Any(o => IsToWatch(o.Status, o.Rag)) || missedLastQuarter ? Rag.Amber : Rag.Green;
    }

    /// <summary>On track or complete, out of those not cancelled; null when there are none.</summary>
    public static double? OnTrackShare(IReadOnlyCollection<ObjectiveFacts> objectives)
    {
        ArgumentNullException.ThrowIfNull(objectives);
        var counted = objectives.Count(o => o.Status != nameof(ObjectiveStatus.Cancelled));
        return counted == 0 ? null
            : (double)objectives.Count(o => o.Status is nameof(ObjectiveStatus.OnTrack) or nameof(ObjectiveStatus.Complete)) / counted;
    }

    /// <summary>A special cause of concern in the latest point.</summary>
    public static bool IsConcern(VariationIcon? icon) => icon is VariationIcon.SpecialCauseConcernHigh or VariationIcon.SpecialCauseConcernLow;

    /// <summary>
    /// The exceptions for the Board's next meeting, most severe first: each objective off track or overdue, each measure
    /// with a special cause of concern or a target its process consistently fails, each strand that did not submit the
    /// last quarter's update, and each matter a strand raised for the Board (a highlight with agenda text).
    /// </summary>
    public static IReadOnlyList<AgendaItem> Exceptions(
        IReadOnlyList<StrandFacts> strands, IReadOnlyList<ObjectiveFacts> objectives, IReadOnlyList<MeasureFacts> measures, FinancialQuarter current,
        IReadOnlyList<RaisedFacts>? raised = null)
    {
        ArgumentNullException.ThrowIfNull(strands);
        ArgumentNullException.ThrowIfNull(objectives);
        ArgumentNullException.ThrowIfNull(measures);
        var byId = strands.ToDictionary(s => s.StrandId, StringComparer.Ordinal);
        var last = current.Previous();
        var list = new List<AgendaItem>();

        foreach (var s in strands.Where(s => !s.SubmittedQuarters.Contains(last.ToString())))
        {
            list.Add(new AgendaItem(
                Severity.High, ExceptionKind.MissedSubmission, s.StrandId, s.Number, s.Name, $"No quarterly update for {last}",
                $"The update for {last} was due when the quarter ended; the Board has not received it.", s.StrandId));
        }

        // A proxy stands in for what the strategy asks about; its signal is not a change in that, so it is labelled where
        // the measure is shown and never put to the Board as one.
        foreach (var m in measures.Where(m => !m.Proxy))
        {
            var concern = IsConcern(m.Variation);
            var fails = m.Assurance == AssuranceIcon.ConsistentlyFails;
            if (!concern && !fails)
            {
                continue;
            }

            var what = (concern, fails) switch
            {
                (true, true) => "special-cause concern, and the process consistently fails its target",
                (true, false) => "special-cause concern in the latest period",
                _ => "the process consistently fails its target: it cannot meet it without a change to the process",
            };
            var owner = m.StrandIds.Select(id => byId.GetValueOrDefault(id)).FirstOrDefault(s => s is not null);
            list.Add(new AgendaItem(
                concern ? Severity.High : Severity.Medium, concern ? ExceptionKind.MeasureConcern : ExceptionKind.TargetFailing,
                owner?.StrandId, owner?.Number ?? 99, owner?.Name, $"{m.Name}: {what}",
                m.TargetText is null ? $"Latest {m.LatestPeriod}: {m.LatestValue}." : $"Latest {m.LatestPeriod}: {m.LatestValue}. Target: {m.TargetText}.",
                m.MeasureCode));
        }

        foreach (var o in objectives)
        {
            var overdue = IsOverdue(o.Status, o.DueQuarter, current);
            var offTrack = IsOpen(o.Status) && (o.Status == nameof(ObjectiveStatus.OffTrack) || o.Rag == nameof(Rag.Red));
            if (!overdue && !offTrack || !byId.TryGetValue(o.StrandId, out var s))
            {
                continue;
            }

            var what = (overdue, offTrack) switch
            {
                (true, true) => $"off track and overdue (due {o.DueQuarter})",
                (true, false) => $"overdue (due {o.DueQuarter})",
                _ => "off track",
            };
            list.Add(new AgendaItem(
                overdue && offTrack ? Severity.High : Severity.Medium, overdue ? ExceptionKind.ObjectiveOverdue : ExceptionKind.ObjectiveOffTrack,
                s.StrandId, s.Number, s.Name, $"Objective {what}", o.Text, o.ObjectiveId.ToString()));
        }

        foreach (var r in raised ?? [])
        {
            if (!byId.TryGetValue(r.StrandId, out var s))
            {
                continue;
            }

            // The strand judged it (its status); the Board only places it: a concern leads, anything else follows.
            list.Add(new AgendaItem(
                r.Concern ? Severity.High : Severity.Medium, ExceptionKind.StrandRaised, s.StrandId, s.Number, s.Name, r.Agenda, r.Title,
                BoardText.HighlightHref(r.Link) ?? $"board/strands/{s.StrandId}"));
        }

        return [.. list.OrderBy(e => e.Severity).ThenBy(e => e.Kind).ThenBy(e => e.StrandNumber).ThenBy(e => e.Subject, StringComparer.Ordinal).ThenBy(e => e.Detail, StringComparer.Ordinal)];
    }
}

/// <summary>What the rules need of an objective.</summary>
public sealed record ObjectiveFacts(Guid ObjectiveId, string StrandId, string Status, string? Rag, string? DueQuarter, string Text);

/// <summary>What the rules need of a strand: who it is and which quarters it has submitted.</summary>
public sealed record StrandFacts(string StrandId, int Number, string Name, IReadOnlySet<string> SubmittedQuarters);

/// <summary>What the rules need of a measure: its latest London point and icons.</summary>
public sealed record MeasureFacts(
    string MeasureCode, string Name, IReadOnlyList<string> StrandIds, VariationIcon? Variation, AssuranceIcon Assurance, string? LatestPeriod, string? LatestValue, string? TargetText,
    bool Proxy = false);

/// <summary>A matter a strand raised for the Board: its highlight's title, agenda text, status and link.</summary>
public sealed record RaisedFacts(string StrandId, string Title, string Agenda, bool Concern, string? Link);

/// <summary>High items lead the agenda.</summary>
public enum Severity
{
    High = 1,
    Medium = 2,
}

/// <summary>In agenda order within a severity.</summary>
public enum ExceptionKind
{
    MissedSubmission,
    MeasureConcern,
    TargetFailing,
    ObjectiveOverdue,
    ObjectiveOffTrack,
    StrandRaised,
}

/// <summary>
/// One item for the Board's attention. <see cref="Target"/> is the strand id, the measure code or the objective id
/// the item links to (for an item a strand raised, the path inside the platform it gave, or the strand's Board page).
/// </summary>
public sealed record AgendaItem(
    Severity Severity, ExceptionKind Kind, string? StrandId, int StrandNumber, string? StrandName, string Subject, string Detail, string Target)
{
    public string KindLabel => Kind switch
    {
        ExceptionKind.MissedSubmission => "Quarterly submission missed",
        ExceptionKind.MeasureConcern => "Measure: special-cause concern",
        ExceptionKind.TargetFailing => "Measure: target consistently failed",
        ExceptionKind.ObjectiveOverdue => "Objective overdue",
        ExceptionKind.StrandRaised => "Raised by the strand",
        _ => "Objective off track",
    };

    public string Link => Kind switch
    {
        ExceptionKind.MissedSubmission => $"board/strands/{Target}",
        ExceptionKind.MeasureConcern or ExceptionKind.TargetFailing => $"measures/{Target}",
        ExceptionKind.StrandRaised => Target,
        _ => $"board/objectives/{Target}",
    };
}
