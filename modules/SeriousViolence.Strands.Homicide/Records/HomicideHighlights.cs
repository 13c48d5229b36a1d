using System.Globalization;
using SeriousViolence.Abstractions;
using SeriousViolence.Contracts;

namespace SeriousViolence.Strands.Homicide.Records;

/// <summary>The strand's highlights on its Board card, computed from its registers; FIU breaches ask for the Board's agenda.</summary>
public static class HomicideHighlights
{
    public static StrandHighlightsPublished From(
        IReadOnlyCollection<Investigation> investigations, IReadOnlyCollection<FiuRequest> requests, IReadOnlyCollection<PartnershipProject> projects, long revision, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(investigations);
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(projects);
        var highlights = new List<StrandHighlight>();
        if (investigations.Count > 0)
        {
            highlights.Add(Investigations(investigations));
        }

        if (requests.Count > 0)
        {
            highlights.Add(Fiu(requests, now));
        }

        if (projects.Count > 0)
        {
            var supported = projects.Count(p => p.Supported);
            highlights.Add(new StrandHighlight
            {
                Key = "partnership-projects",
                Title = "Partnership projects",
                Figures =
                [
                    new HighlightFigure { Label = "Projects supported", Value = $"{supported} (target at least 3)" },
                    new HighlightFigure { Label = "Proposed", Value = projects.Count(p => p.Status == ProjectStatuses.Proposed).ToString(CultureInfo.InvariantCulture) },
                ],
                Status = supported >= 3 ? "good" : "concern",
                Link = HomicideFigures.ProjectsPath,
                Marking = ProtectiveMarkings.Highest(projects.Select(p => p.Marking)).Label(),
            });
        }

        return new StrandHighlightsPublished { StrandId = HomicideStrand.Strand.Id, Revision = revision, OccurredAt = now, Highlights = highlights };
    }

    private static StrandHighlight Investigations(IReadOnlyCollection<Investigation> investigations)
    {
        // The latest quarter in which investigations opened: the figure the Board asks about first.
        var quarter = investigations.Select(i => FinancialQuarter.Containing(i.OpenedOn)).Max();
        var inQuarter = investigations.Where(i => FinancialQuarter.Containing(i.OpenedOn) == quarter).ToList();
        var atCourt = inQuarter.Where(i => i.Outcome is not null).ToList();
        var detected = inQuarter.Count(i => i.Detected);
        var convicted = atCourt.Count(i => i.Convicted);
        var detectionGood = 100 * detected >= 85 * inQuarter.Count;
        var convictionGood = atCourt.Count == 0 || 100 * convicted >= 85 * atCourt.Count;
        return new StrandHighlight
        {
            Key = "investigations",
            Title = $"Homicide investigations opened {quarter}",
            Figures =
            [
                new HighlightFigure { Label = "Opened", Value = inQuarter.Count.ToString(CultureInfo.InvariantCulture) },
                new HighlightFigure { Label = "Detection rate (target 85%)", Value = Share(detected, inQuarter.Count) },
                new HighlightFigure { Label = "Conviction rate (target 85%)", Value = Share(convicted, atCourt.Count) },
                new HighlightFigure { Label = "Still open (all quarters)", Value = investigations.Count(i => i.Status == InvestigationStatuses.Open).ToString(CultureInfo.InvariantCulture) },
            ],
            Status = detectionGood && convictionGood ? "good" : "concern",
            Link = HomicideFigures.InvestigationsPath,
            Marking = ProtectiveMarkings.Highest(investigations.Select(i => i.Marking)).Label(),
        };
    }

    private static StrandHighlight Fiu(IReadOnlyCollection<FiuRequest> requests, DateTimeOffset now)
    {
        var month = HomicideFigures.MonthOf(now);
        var breachedThisMonth = requests.Where(r => HomicideFigures.MonthOf(r.ReceivedAt) == month && r.Breached(now)).ToList();
        var unansweredLate = requests.Where(r => r.RespondedAt is null && r.Breached(now)).ToList();
        var nearing = requests.Count(r => r.RespondedAt is null && !r.Breached(now) && now >= r.DeadlineAt - FiuRequestTypes.WarnBefore(r.RequestType));
        var breaches = breachedThisMonth.Union(unansweredLate).ToList();
        string? agenda = null;
        if (breaches.Count > 0)
        {
            var cash = breaches.Count(r => r.RequestType == FiuRequestTypes.CashSeizure);
            agenda = $"{breaches.Count} FIU deadline{(breaches.Count == 1 ? "" : "s")} breached ({cash} cash seizure, {breaches.Count - cash} advice to SIO/IO/MIT) in {HomicideFigures.MonthText(month)}" +
                (unansweredLate.Count > 0 ? $"; {unansweredLate.Count} still unanswered" : "");
        }

        return new StrandHighlight
        {
            Key = "fiu-deadlines",
            Title = "FIU response deadlines",
            Figures =
            [
                new HighlightFigure { Label = "Awaiting response", Value = requests.Count(r => r.RespondedAt is null).ToString(CultureInfo.InvariantCulture) },
                new HighlightFigure { Label = "Deadline near", Value = nearing.ToString(CultureInfo.InvariantCulture) },
                new HighlightFigure { Label = $"Breached ({HomicideFigures.MonthText(month)})", Value = breaches.Count.ToString(CultureInfo.InvariantCulture) },
            ],
            Status = breaches.Count > 0 ? "concern" : nearing > 0 ? "neutral" : "good",
            Link = HomicideFigures.FiuPath,
            Marking = ProtectiveMarkings.Highest(requests.Select(r => r.Marking)).Label(),
            Agenda = agenda,
        };
    }

    /// <summary>"80% (4 of 5)", or "no cases" when there is nothing to divide by (never 0% or 100%).</summary>
    public static string Share(int numerator, int denominator) =>
        denominator == 0 ? "no cases" : $"{Math.Round(100m * numerator / denominator, 1).ToString("0.#", CultureInfo.InvariantCulture)}% ({numerator} of {denominator})";
}
