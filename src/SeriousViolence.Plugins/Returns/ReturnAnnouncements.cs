using System.Globalization;
using SeriousViolence.Abstractions;
using SeriousViolence.Contracts;

namespace SeriousViolence.Plugins.Returns;

/// <summary>A month of a return as the strand page and the Board read it: how many of its returns count, and London's totals once complete.</summary>
public sealed record ReturnMonthSummary(DateOnly Month, int Approved, int Awaiting, int Expected, IReadOnlyDictionary<string, int>? LondonTotals)
{
    public bool Complete => Approved == Expected;
}

/// <summary>
/// What a return's approvals say to the rest of the platform: the observations of its measures and the strand's Board
/// highlight. Computed from the approved figures only; nothing awaiting approval counts.
/// </summary>
public static class ReturnAnnouncements
{
    /// <summary>
    /// The observations of each measure the return feeds, for the changed return's geography and, for borough
    /// returns, London, which is published only once every borough's return for the month is approved: a sum of some
    /// boroughs would look like a fall that is not one. A rate whose denominator is 0 has no observation ("no cases").
    /// </summary>
    public static IEnumerable<MeasureObservationsRecorded> Observations(ReturnDefinition definition, string strandId, MonthlyReturn changed, IReadOnlyCollection<MonthlyReturn> all, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(all);
        if (changed.ApprovedValues is not { } figures)
        {
            yield break;
        }

        var month = all.Where(r => r.Month == changed.Month && r.ApprovedFigures is not null).ToList();
        var london = definition.Coverage == ReturnCoverage.Boroughs && month.Count == definition.Geographies.Count ? Totals(month) : null;
        var londonRevision = month.Sum(r => r.Revision);
        foreach (var measure in definition.Measures)
        {
            if (Observation(measure, figures, changed.Month, changed.Revision) is { } own)
            {
                yield return Message(measure, strandId, changed.Geography, own, now);
            }

            if (london is not null && Observation(measure, london, changed.Month, londonRevision) is { } total)
            {
                yield return Message(measure, strandId, Geographies.London, total, now);
            }
        }
    }

    /// <summary>The strand's highlight for the return (its own source, so the strand's other registers keep theirs).</summary>
    public static StrandHighlightsPublished Highlights(ReturnDefinition definition, string strandId, IReadOnlyCollection<MonthlyReturn> all, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(all);
        var months = Months(definition, all);
        var latest = months.Count == 0 ? null : months[0];
        var figures = new List<HighlightFigure>();
        var status = "neutral";
        if (latest is null)
        {
            figures.Add(new HighlightFigure { Label = "Returns", Value = "none yet" });
        }
        else
        {
            figures.Add(new HighlightFigure { Label = "Latest month", Value = ReturnText.Month(latest.Month) });
            figures.Add(new HighlightFigure { Label = "Approved", Value = $"{latest.Approved} of {latest.Expected}" });
            if (latest.LondonTotals is { } totals)
            {
                figures.AddRange(definition.Headline.Select(code => new HighlightFigure
                {
                    Label = definition.Field(code)!.Label, Value = totals.GetValueOrDefault(code).ToString("N0", CultureInfo.InvariantCulture),
                }));
            }
            else if (latest.Awaiting > 0)
            {
                figures.Add(new HighlightFigure { Label = "Awaiting approval", Value = latest.Awaiting.ToString(CultureInfo.InvariantCulture) });
            }

            status = latest.Complete ? "good" : "neutral";
        }

        return new StrandHighlightsPublished
        {
            StrandId = strandId,
            Source = "returns:" + definition.Key,
            // Each save raises exactly one return's version by one, so the sum rises with every publication.
            Revision = all.Sum(r => r.Version),
            OccurredAt = now,
            Highlights =
            [
                new StrandHighlight
                {
                    Key = "returns-" + definition.Key,
                    Title = definition.Title,
                    Figures = figures,
                    Status = status,
                    Link = definition.PagePath,
                    Marking = ProtectiveMarkings.Highest(all.Select(r => r.Marking)).Label(),
                },
            ],
        };
    }

    /// <summary>Each month with a return, newest first.</summary>
    public static IReadOnlyList<ReturnMonthSummary> Months(ReturnDefinition definition, IEnumerable<MonthlyReturn> all)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(all);
        return [.. all.GroupBy(r => r.Month).OrderByDescending(g => g.Key).Select(g =>
        {
            var approved = g.Where(r => r.ApprovedFigures is not null).ToList();
            var complete = approved.Count == definition.Geographies.Count;
            return new ReturnMonthSummary(g.Key, approved.Count, g.Count(r => r.Status != ReturnStatus.Approved), definition.Geographies.Count, complete ? Totals(approved) : null);
        })];
    }

    /// <summary>A rate in per cent to one decimal place as the pages show it, or "no cases" when nothing was counted.</summary>
    public static string RateText(int numerator, int denominator) =>
        denominator == 0 ? "no cases" : (100m * numerator / denominator).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static Dictionary<string, int> Totals(IEnumerable<MonthlyReturn> approved)
    {
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (code, value) in approved.SelectMany(r => r.ApprovedValues!))
        {
            totals[code] = totals.GetValueOrDefault(code) + value;
        }

        return totals;
    }

    private static RecordedObservation? Observation(ReturnMeasure measure, IReadOnlyDictionary<string, int> figures, DateOnly month, int revision)
    {
        decimal numerator = measure.Numerator.Sum(f => figures.GetValueOrDefault(f));
        if (!measure.IsRate)
        {
            return new RecordedObservation { PeriodStart = month, PeriodKind = "month", Value = numerator, Revision = revision };
        }

        decimal denominator = measure.Denominator!.Sum(f => figures.GetValueOrDefault(f));
        return denominator == 0 ? null : new RecordedObservation
        {
            PeriodStart = month, PeriodKind = "month", Value = Math.Round(100m * numerator / denominator, 4),
            Numerator = numerator, Denominator = denominator, Revision = revision,
        };
    }

    private static MeasureObservationsRecorded Message(ReturnMeasure measure, string strandId, string geography, RecordedObservation observation, DateTimeOffset now) => new()
    {
        MeasureCode = measure.MeasureCode, StrandIds = [strandId], Geography = geography, OccurredAt = now, Observations = [observation],
    };
}
