using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;
using SeriousViolence.Board.ReadModel;
using SeriousViolence.Contracts;
using SeriousViolence.Performance.Spc;

namespace SeriousViolence.Board.Dashboard;

/// <summary>
/// Builds the Board's picture from schema <c>board</c> alone, applying <see cref="BoardRules"/>. Every read checks
/// <see cref="Capability.ViewBoard"/>; pages, the agenda, the print view and the API all come through here.
/// </summary>
public sealed class BoardDashboard(BoardDbContext db, TimeProvider clock)
{
    public const string London = "london";

    public async Task<BoardPicture> PictureAsync(Actor actor, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.ViewBoard);
        var now = clock.GetUtcNow();
        var quarter = FinancialQuarter.Containing(now);
        var strategy = await StrategyAsync(cancellationToken);
        var strands = await db.Strands.AsNoTracking().Where(s => !s.Withdrawn).OrderBy(s => s.Number).ToListAsync(cancellationToken);
        var objectives = (await db.Objectives.AsNoTracking().ToListAsync(cancellationToken))
            .Where(o => strands.Any(s => s.StrandId == o.StrandId))
            .Select(o => Row(o, quarter))
            .OrderBy(o => o.StrandId, StringComparer.Ordinal).ThenBy(o => o.Text, StringComparer.Ordinal)
            .ToList();
        var submissions = await db.Submissions.AsNoTracking().ToListAsync(cancellationToken);
        var submittedAt = await db.ObjectiveUpdates.AsNoTracking()
            .GroupBy(u => new { u.StrandId, u.Quarter })
            .Select(g => new { g.Key.StrandId, g.Key.Quarter, At = g.Max(u => u.SubmittedAt) })
            .ToListAsync(cancellationToken);
        var highlights = await HighlightsAsync(cancellationToken);
        var cards = strands.Select(s => Card(s, objectives.Where(o => o.StrandId == s.StrandId).ToList(),
            submissions.Where(x => x.StrandId == s.StrandId).ToList(),
            submittedAt.Where(x => x.StrandId == s.StrandId).ToDictionary(x => x.Quarter, x => x.At, StringComparer.Ordinal), quarter)
            with { Highlights = highlights.GetValueOrDefault(s.StrandId) ?? [] }).ToList();
        var measures = await MeasuresAsync(cancellationToken);
        var exceptions = BoardRules.Exceptions(
            [.. strands.Select(s => new StrandFacts(s.StrandId, s.Number, s.Name,
                submissions.Where(x => x.StrandId == s.StrandId).Select(x => x.Quarter).ToHashSet(StringComparer.Ordinal)))],
            [.. objectives.Select(o => new ObjectiveFacts(o.ObjectiveId, o.StrandId, o.Status, o.Rag, o.DueQuarter, o.Text))],
            [.. measures.Select(m => new MeasureFacts(m.Code, m.Name, m.StrandIds, m.Variation, m.Assurance, m.LatestPeriod, m.LatestValue is null ? null : m.LatestValueText, m.TargetText, m.Proxy is not null))],
            quarter,
            [.. cards.SelectMany(c => c.Highlights.Where(h => !string.IsNullOrWhiteSpace(h.Agenda))
                .Select(h => new RaisedFacts(c.StrandId, h.Title, h.Agenda!, h.Status == "concern", h.Link)))]);
        return new BoardPicture
        {
            AsAt = now, Quarter = quarter, Strategy = strategy, Strands = cards, Objectives = objectives, Measures = measures, Exceptions = exceptions,
        };
    }

    public async Task<ObjectiveDetail?> ObjectiveAsync(Actor actor, Guid objectiveId, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.ViewBoard);
        var quarter = FinancialQuarter.Containing(clock.GetUtcNow());
        var o = await db.Objectives.AsNoTracking().SingleOrDefaultAsync(x => x.ObjectiveId == objectiveId, cancellationToken);
        if (o is null)
        {
            return null;
        }

        var updates = (await db.ObjectiveUpdates.AsNoTracking().Where(u => u.ObjectiveId == objectiveId).ToListAsync(cancellationToken))
            .OrderByDescending(u => BoardRules.TryQuarter(u.Quarter))
            .Select(u => new QuarterlyUpdateRow(u.Quarter, u.Revision, u.CarriedForward, u.Rag, u.PercentComplete, u.Narrative, u.SubmittedBy, u.SubmittedAt))
            .ToList();
        var strand = await db.Strands.AsNoTracking().SingleOrDefaultAsync(s => s.StrandId == o.StrandId, cancellationToken);
        StrandCard? card = null;
        if (strand is not null)
        {
            var siblings = (await db.Objectives.AsNoTracking().Where(x => x.StrandId == o.StrandId).ToListAsync(cancellationToken)).Select(x => Row(x, quarter)).ToList();
            var submissions = await db.Submissions.AsNoTracking().Where(s => s.StrandId == o.StrandId).ToListAsync(cancellationToken);
            card = Card(strand, siblings, submissions, new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal), quarter);
        }

        return new ObjectiveDetail(Row(o, quarter), card, updates);
    }

    /// <summary>Every borough's latest value of a measure and its variation icon, for the map and its table.</summary>
    public async Task<IReadOnlyList<PlaceValue>> PlacesAsync(Actor actor, string measureCode, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.ViewBoard);
        var measure = await db.Measures.AsNoTracking().SingleOrDefaultAsync(m => m.MeasureCode == measureCode, cancellationToken);
        if (measure is null || (measure.OwnerStrand is { } owner && (await WithdrawnAsync(cancellationToken)).Contains(owner)))
        {
            return [];
        }

        var kind = PeriodKind(measure.Frequency);
        var rows = await db.Observations.AsNoTracking()
            .Where(o => o.MeasureCode == measureCode && o.PeriodKind == kind && o.Geography.StartsWith("E09"))
            .OrderBy(o => o.Geography).ThenBy(o => o.PeriodStart)
            .Select(o => new { o.Geography, o.PeriodStart, o.Value })
            .ToListAsync(cancellationToken);
        var byPlace = rows.GroupBy(r => r.Geography).ToDictionary(g => g.Key, g => g.Select(r => (r.PeriodStart, r.Value)).ToList(), StringComparer.Ordinal);
        return [.. LondonAreas.All.Select(a =>
        {
            var series = byPlace.GetValueOrDefault(a.Code) ?? [];
            var (variation, assurance) = Icons(measure, kind, series);
            return new PlaceValue(a.Code, a.Name, series.Count == 0 ? null : PeriodLabel(kind, series[^1].PeriodStart), series.Count == 0 ? null : series[^1].Value, variation, assurance);
        })];
    }

    /// <summary>
    /// Every measure with London's latest value and its icons, in the order of the key outcomes they evidence. A measure
    /// owned by a withdrawn strand is left out (it returns when the strand is announced again).
    /// </summary>
    public async Task<IReadOnlyList<MeasureRow>> MeasuresAsync(CancellationToken cancellationToken)
    {
        var withdrawn = await WithdrawnAsync(cancellationToken);
        var measures = (await db.Measures.AsNoTracking().ToListAsync(cancellationToken))
            .Where(m => m.OwnerStrand is null || !withdrawn.Contains(m.OwnerStrand))
            .ToList();
        var rows = await db.Observations.AsNoTracking()
            .Where(o => o.Geography == London)
            .OrderBy(o => o.MeasureCode).ThenBy(o => o.PeriodStart)
            .Select(o => new { o.MeasureCode, o.PeriodKind, o.PeriodStart, o.Value })
            .ToListAsync(cancellationToken);
        var series = rows.GroupBy(r => (r.MeasureCode, r.PeriodKind)).ToDictionary(g => g.Key, g => g.Select(r => (r.PeriodStart, r.Value)).ToList());
        return [.. measures
            .Select(m =>
            {
                var kind = PeriodKind(m.Frequency);
                var s = series.GetValueOrDefault((m.MeasureCode, kind)) ?? [];
                var (variation, assurance) = Icons(m, kind, s);
                return new MeasureRow(
                    m.MeasureCode, m.Name, m.Unit, m.Polarity, m.Frequency, m.KeyOutcomes, m.StrandIds, m.TargetValue, m.TargetText,
                    s.Count == 0 ? null : PeriodLabel(kind, s[^1].PeriodStart), s.Count == 0 ? null : s[^1].Value, s.Count, variation, assurance, m.Proxy);
            })
            .OrderBy(m => m.KeyOutcomes.Count == 0 ? 99 : m.KeyOutcomes.Min()).ThenBy(m => m.Name, StringComparer.Ordinal)];
    }

    private async Task<HashSet<string>> WithdrawnAsync(CancellationToken cancellationToken) =>
        (await db.Strands.AsNoTracking().Where(s => s.Withdrawn).Select(s => s.StrandId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Each strand's latest highlights as it published them, every source's in turn (withdrawn strands have no card to show them on).</summary>
    private async Task<Dictionary<string, IReadOnlyList<StrandHighlight>>> HighlightsAsync(CancellationToken cancellationToken) =>
        (await db.Highlights.AsNoTracking().OrderBy(h => h.StrandId).ThenBy(h => h.Source).ToListAsync(cancellationToken))
            .GroupBy(h => h.StrandId, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<StrandHighlight>)[.. g.SelectMany(h => JsonSerializer.Deserialize<List<StrandHighlight>>(h.Highlights, StrategyAnnouncedConsumer.Json) ?? [])],
                StringComparer.Ordinal);

    private async Task<StrategyAnnounced?> StrategyAsync(CancellationToken cancellationToken)
    {
        var row = await db.Strategy.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : JsonSerializer.Deserialize<StrategyAnnounced>(row.Content, StrategyAnnouncedConsumer.Json);
    }

    internal static ObjectiveRow Row(BoardObjective o, FinancialQuarter quarter) => new(
        o.ObjectiveId, o.StrandId, o.Ripe, o.Years, o.Status, o.Rag, o.PercentComplete, o.Themes, o.Text, o.DueQuarter, o.Owner, o.Partners, o.Boroughs,
        BoardRules.IsOverdue(o.Status, o.DueQuarter, quarter), BoardRules.IsOfConcern(o.Status, o.Rag, o.DueQuarter, quarter), o.Revision);

    private static StrandCard Card(
        BoardStrand s, List<ObjectiveRow> objectives, List<BoardSubmission> submissions, Dictionary<string, DateTimeOffset> submittedAt, FinancialQuarter quarter)
    {
        BoardSubmissionState State(FinancialQuarter q)
        {
            var sub = submissions.FirstOrDefault(x => x.Quarter == q.ToString());
            return new BoardSubmissionState(q.ToString(), sub?.Revision, submittedAt.TryGetValue(q.ToString(), out var at) ? at : null, sub?.SubmittedBy);
        }

        var facts = objectives.Select(o => new ObjectiveFacts(o.ObjectiveId, o.StrandId, o.Status, o.Rag, o.DueQuarter, o.Text)).ToList();
        var last = State(quarter.Previous());
        return new StrandCard(
            s.StrandId, s.Number, s.Name, s.Operation, s.LeadRole, s.PagePath,
            BoardRules.RollUp(facts, !last.Received, quarter),
            BoardText.Statuses.ToDictionary(x => x, x => objectives.Count(o => o.Status == x), StringComparer.Ordinal),
            objectives.Count, BoardRules.OnTrackShare(facts), objectives.Count(o => o.Overdue), objectives.Count(o => o.OfConcern),
            State(quarter), last);
    }

    private static (VariationIcon?, AssuranceIcon) Icons(BoardMeasure m, string kind, List<(DateOnly PeriodStart, decimal Value)> series)
    {
        if (series.Count < 2)
        {
            return (null, AssuranceIcon.None);
        }

        var result = XmrChart.Analyse(
            [.. series.Select(p => new SpcPoint(PeriodLabel(kind, p.PeriodStart), (double)p.Value))],
            new SpcOptions { Polarity = Polarity(m.Polarity), Target = m.TargetValue is { } t ? (double)t : null });
        return (result.Variation, result.Assurance);
    }

    internal static Polarity Polarity(string polarity) => polarity switch
    {
        "higher-is-better" => Performance.Spc.Polarity.HigherIsBetter,
        "lower-is-better" => Performance.Spc.Polarity.LowerIsBetter,
        _ => Performance.Spc.Polarity.Neutral,
    };

    internal static string PeriodKind(string frequency) => frequency switch
    {
        "monthly" => "month",
        "quarterly" => "quarter",
        _ => "year",
    };

    internal static string PeriodLabel(string kind, DateOnly start) => kind switch
    {
        "month" => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        "year" => start.Year.ToString(CultureInfo.InvariantCulture),
        _ => FinancialQuarter.Containing(start).ToString(),
    };
}
