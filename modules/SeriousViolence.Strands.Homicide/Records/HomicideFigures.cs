using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;
using SeriousViolence.Contracts;
using SeriousViolence.Plugins;

namespace SeriousViolence.Strands.Homicide.Records;

/// <summary>
/// Everything the strand says about its registers, computed from all of them and published with the change that moved
/// them (same SaveChanges, through the outbox): the observations of its measures, each at the next revision, and its
/// highlights on the Board.
/// <para>Period basis. Investigations count in the financial quarter they opened (the measures are quarterly, as the
/// strategy reports them), for their borough and London; the quarter is revised, at a higher revision, whenever a
/// detection, charge, court outcome or debrief arrives. Detection rate = detected / opened in the quarter; conviction
/// rate = convicted of murder or manslaughter / concluded at court; debriefed = closed and debriefed / closed. FIU
/// requests count in the month they were received (London time), per request type: within deadline / requests whose
/// result is known (answered, or unanswered past the deadline), so a request still within time is in neither. Projects
/// supported = active or completed projects started by the end of each quarter, from the first project's quarter to
/// this one. A period with nothing to divide by is not published (no observation, "no cases"), never 0% or 100%.</para>
/// </summary>
public sealed class HomicideFigures(HomicideDbContext db)
{
    public const string DetectionRate = "homicide-detection-rate";
    public const string ConvictionRate = "homicide-conviction-rate";
    public const string Debriefs = "homicide-debriefs";
    public const string Projects = "homicide-partnership-projects";

    public const string InvestigationsPath = "/strands/homicide/investigations";
    public const string FiuPath = "/strands/homicide/fiu";
    public const string ProjectsPath = "/strands/homicide/partnerships";

    /// <summary>
    /// One writer at a time and every record tracked: the figures are computed from all records, and their revisions must
    /// never be given twice to different values. Call inside the command's transaction before changing anything.
    /// </summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('strand_homicide.registers'))", cancellationToken);
        await db.Investigations.LoadAsync(cancellationToken);
        await db.FiuRequests.LoadAsync(cancellationToken);
        await db.Projects.LoadAsync(cancellationToken);
        await db.PublishedFigures.LoadAsync(cancellationToken);
        await db.HighlightRevisions.LoadAsync(cancellationToken);
    }

    /// <summary>Enqueues the observations that changed and the highlights; returns how many observations it published.</summary>
    public int Announce(DateTimeOffset now)
    {
        var published = db.PublishedFigures.Local.ToDictionary(f => (f.MeasureCode, f.Geography, f.PeriodKind, f.PeriodStart));
        var changed = new List<(PublishedFigure Figure, bool New)>();
        foreach (var figure in Compute(now))
        {
            var key = (figure.MeasureCode, figure.Geography, figure.PeriodKind, figure.PeriodStart);
            if (published.TryGetValue(key, out var old))
            {
                if (old.Value == figure.Value && old.Numerator == figure.Numerator && old.Denominator == figure.Denominator)
                {
                    continue;
                }

                old.Value = figure.Value;
                old.Numerator = figure.Numerator;
                old.Denominator = figure.Denominator;
                old.Revision++;
                old.PublishedAt = now;
                changed.Add((old, false));
            }
            else
            {
                figure.Revision = 1;
                figure.PublishedAt = now;
                db.PublishedFigures.Add(figure);
                changed.Add((figure, true));
            }
        }

        foreach (var group in changed.GroupBy(c => (c.Figure.MeasureCode, c.Figure.Geography)))
        {
            db.Enqueue(new MeasureObservationsRecorded
            {
                MeasureCode = group.Key.MeasureCode,
                StrandIds = [HomicideStrand.Strand.Id],
                Geography = group.Key.Geography,
                OccurredAt = now,
                Observations = [.. group.Select(c => new RecordedObservation
                {
                    PeriodStart = c.Figure.PeriodStart, PeriodKind = c.Figure.PeriodKind, Value = c.Figure.Value,
                    Numerator = c.Figure.Numerator, Denominator = c.Figure.Denominator, Revision = c.Figure.Revision,
                })],
            }, now);
        }

        var revision = db.HighlightRevisions.Local.SingleOrDefault();
        if (revision is null)
        {
            revision = new HighlightRevision { Id = 1, Revision = 0 };
            db.HighlightRevisions.Add(revision);
        }

        revision.Revision++;
        db.Enqueue(HomicideHighlights.From([.. db.Investigations.Local], [.. db.FiuRequests.Local], [.. db.Projects.Local], revision.Revision, now), now);
        return changed.Count;
    }

    /// <summary>Every observation the registers give now (periods with nothing to divide by left out).</summary>
    public IEnumerable<PublishedFigure> Compute(DateTimeOffset now)
    {
        var investigations = db.Investigations.Local.ToList();
        foreach (var place in investigations.GroupBy(i => i.Borough).Append(investigations.GroupBy(_ => Geographies.London).SingleOrDefault()))
        {
            if (place is null)
            {
                continue;
            }

            foreach (var quarter in place.GroupBy(i => FinancialQuarter.Containing(i.OpenedOn).Start))
            {
                var opened = quarter.ToList();
                var atCourt = opened.Where(i => i.Outcome is not null).ToList();
                var closed = opened.Where(i => i.Status == InvestigationStatuses.Closed).ToList();
                yield return Rate(DetectionRate, place.Key, "quarter", quarter.Key, opened.Count(i => i.Detected), opened.Count);
                if (atCourt.Count > 0)
                {
                    yield return Rate(ConvictionRate, place.Key, "quarter", quarter.Key, atCourt.Count(i => i.Convicted), atCourt.Count);
                }

                if (closed.Count > 0)
                {
                    yield return Rate(Debriefs, place.Key, "quarter", quarter.Key, closed.Count(i => i.DebriefedOn is not null), closed.Count);
                }
            }
        }

        foreach (var type in db.FiuRequests.Local.GroupBy(r => r.RequestType))
        {
            foreach (var month in type.GroupBy(r => MonthOf(r.ReceivedAt)))
            {
                var known = month.Where(r => r.RespondedAt is not null || r.Breached(now)).ToList();
                if (known.Count > 0)
                {
                    yield return Rate(FiuRequestTypes.MeasureCode(type.Key), Geographies.London, "month", month.Key, known.Count(r => r.Met), known.Count);
                }
            }
        }

        var projects = db.Projects.Local.ToList();
        if (projects.Count > 0)
        {
            var last = FinancialQuarter.Containing(HomicideFieldText.LondonToday(now));
            var first = FinancialQuarter.Containing(projects.Min(p => p.StartedOn));
            for (var q = first; q <= last; q = q.Next())
            {
                var end = q.End;
                yield return new PublishedFigure
                {
                    MeasureCode = Projects, Geography = Geographies.London, PeriodKind = "quarter", PeriodStart = q.Start,
                    Value = projects.Count(p => p.Supported && p.StartedOn <= end),
                };
            }
        }
    }

    /// <summary>The first day of the London month an instant falls in.</summary>
    public static DateOnly MonthOf(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, HomicideFieldText.London);
        return new DateOnly(local.Year, local.Month, 1);
    }

    public static string MonthText(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    private static PublishedFigure Rate(string code, string geography, string kind, DateOnly start, int numerator, int denominator) => new()
    {
        MeasureCode = code, Geography = geography, PeriodKind = kind, PeriodStart = start,
        Value = Math.Round(100m * numerator / denominator, 1), Numerator = numerator, Denominator = denominator,
    };
}
