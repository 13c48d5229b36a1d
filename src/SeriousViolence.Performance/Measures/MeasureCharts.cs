using System.Globalization;
using Npgsql;
using SeriousViolence.Abstractions;
using SeriousViolence.Performance.Api;
using SeriousViolence.Performance.Importing;
using SeriousViolence.Performance.Spc;

namespace SeriousViolence.Performance.Measures;

/// <summary>One stored observation as a chart reads it; <see cref="Period"/> is its label ("2024-03", "2024/25 Q1", "2024").</summary>
public sealed record ChartObservation(string Period, DateOnly Start, double Value, double? Numerator, double? Denominator);

/// <summary>
/// One row of the data behind a control chart: the page's table and the CSV download both write these rows. Where the
/// series is too short to chart, the limits are NaN and <see cref="Variation"/> is null.
/// </summary>
public sealed record ChartRow(
    string Period, double Value, double Mean, double LowerProcessLimit, double UpperProcessLimit, double LowerNearLimit, double UpperNearLimit,
    PointVariation? Variation, SpcRules DecidingRule, SpcRules RulesFired, int Segment, bool TrialLimits)
{
    public string Classification => Variation is { } v ? SpcText.Classification(v) : "";

    public string Rule => SpcText.Rule(DecidingRule);
}

/// <summary>A measure's control chart for one place: the observations, the engine's analysis (when there are two or more) and the rows.</summary>
public sealed record ControlChart
{
    public required MeasureDto Measure { get; init; }

    public required string Geography { get; init; }

    public string GeographyName => MeasureQueries.NameOf(Geography);

    public required IReadOnlyList<ChartObservation> Observations { get; init; }

    public required IReadOnlyList<string> RebaseAt { get; init; }

    /// <summary>Null when there are fewer than two observations, or when <see cref="Problem"/> says why the series cannot be charted.</summary>
    public SpcResult? Result { get; init; }

    public string? Problem { get; init; }

    public required IReadOnlyList<ChartRow> Rows { get; init; }

    public double? Target => Measure.TargetValue is { } t ? (double)t : null;

    public ChartObservation? Latest => Observations.Count == 0 ? null : Observations[^1];
}

/// <summary>Boroughs compared on a proportion in one period, and the boroughs that could not be (with the reason).</summary>
public sealed record FunnelView(string Period, double Scale, FunnelResult? Result, IReadOnlyList<string> LeftOut);

/// <summary>
/// Loads a measure's observations, runs the SPC engine over them and shapes the rows, for the measure pages, the CSV
/// download and the API: one computation, so that they cannot disagree.
/// </summary>
public sealed class MeasureCharts(NpgsqlDataSource dataSource, MeasureQueries measures)
{
    /// <summary>The MPS changed its crime recording system in March 2024; monthly series can be rebased there.</summary>
    public const string RecordingSystemChange = "2024-03";

    public async Task<ControlChart?> ControlChartAsync(string code, string? geography, IReadOnlyCollection<string> rebaseAt, CancellationToken cancellationToken)
    {
        var measure = await measures.MeasureAsync(code, cancellationToken);
        if (measure is null)
        {
            return null;
        }

        geography = string.IsNullOrEmpty(geography) ? Geographies.London : geography;
        var series = await LoadAsync(measure, [geography], cancellationToken);
        return Analyse(measure, geography, series.GetValueOrDefault(geography) ?? [], rebaseAt);
    }

    /// <summary>
    /// Each borough's chart (boroughs with no observations left out), by name. A rebase period applies to the boroughs
    /// whose series contain it.
    /// </summary>
    public async Task<IReadOnlyList<ControlChart>> BoroughChartsAsync(MeasureDto measure, IReadOnlyCollection<string> rebaseAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var series = await LoadAsync(measure, [.. Geographies.Boroughs.Keys], cancellationToken);
        return [.. series
            .Select(s => Analyse(measure, s.Key, s.Value, [.. rebaseAt.Where(r => s.Value.Any(o => o.Period == r))]))
            .OrderBy(c => c.GeographyName, StringComparer.Ordinal)];
    }

    /// <summary>Every measure's London chart without rebasing, for the list of measures.</summary>
    public async Task<IReadOnlyDictionary<string, ControlChart>> LondonChartsAsync(IReadOnlyList<MeasureDto> all, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(all);
        var charts = new Dictionary<string, ControlChart>(StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand(
            "SELECT measure_code, period_kind, period_start, value, numerator, denominator FROM performance.observations WHERE geography = $1 ORDER BY measure_code, period_start");
        command.Parameters.Add(new NpgsqlParameter { Value = Geographies.London });
        var byMeasure = new Dictionary<string, List<ChartObservation>>(StringComparer.Ordinal);
        var kinds = all.ToDictionary(m => m.Code, m => PeriodKindOf(m.Frequency), StringComparer.Ordinal);
        await using (var r = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await r.ReadAsync(cancellationToken))
            {
                var code = r.GetString(0);
                var kind = r.GetString(1);
                if (kinds.GetValueOrDefault(code) != kind)
                {
                    continue;
                }

                if (!byMeasure.TryGetValue(code, out var list))
                {
                    byMeasure[code] = list = [];
                }

                list.Add(Read(r, 2, kind));
            }
        }

        foreach (var measure in all)
        {
            charts[measure.Code] = Analyse(measure, Geographies.London, byMeasure.GetValueOrDefault(measure.Code) ?? [], []);
        }

        return charts;
    }

    /// <summary>
    /// The funnel plot of the boroughs' latest period, for a rate or percentage with a numerator and denominator; null
    /// for any other measure. A borough whose numerator exceeds its denominator is not a proportion and is left out, with a note.
    /// </summary>
    public static FunnelView? Funnel(MeasureDto measure, IReadOnlyList<ControlChart> boroughs)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(boroughs);
        var scale = measure.Unit switch { "percentage" => 100.0, "rate-per-1000" => 1000.0, _ => 0 };
        if (scale == 0 || measure.Numerator is null || measure.Denominator is null)
        {
            return null;
        }

        var latest = boroughs.SelectMany(b => b.Observations).Where(o => o.Numerator is not null && o.Denominator is not null).MaxBy(o => o.Start);
        if (latest is null)
        {
            return null;
        }

        var units = new List<FunnelUnit>();
        var leftOut = new List<string>();
        foreach (var borough in boroughs)
        {
            if (borough.Observations.FirstOrDefault(o => o.Start == latest.Start) is not { Numerator: { } n, Denominator: { } d })
            {
                continue;
            }

            if (d <= 0)
            {
                leftOut.Add(string.Create(CultureInfo.InvariantCulture, $"{borough.GeographyName}: the denominator is {d:0.##}, so there is no rate to compare."));
            }
            else if (n < 0 || n > d)
            {
                leftOut.Add(string.Create(CultureInfo.InvariantCulture, $"{borough.GeographyName}: {n:0.##} out of {d:0.##} is not a proportion (more than all of them), so it cannot sit on a funnel."));
            }
            else
            {
                units.Add(new FunnelUnit(borough.GeographyName, n, d));
            }
        }

        return new FunnelView(latest.Period, scale, units.Count == 0 ? null : FunnelPlot.Analyse(units), leftOut);
    }

    /// <summary>"2024-03,2025-04" from a query string into periods.</summary>
    public static IReadOnlyList<string> ParseRebase(string? rebase) =>
        string.IsNullOrWhiteSpace(rebase) ? [] : rebase.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string PeriodLabel(string kind, DateOnly start) => kind switch
    {
        "month" => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        "year" => start.Year.ToString(CultureInfo.InvariantCulture),
        _ => FinancialQuarter.Containing(start).ToString(),
    };

    public static Polarity PolarityOf(string polarity) => polarity switch
    {
        "higher-is-better" => Polarity.HigherIsBetter,
        "lower-is-better" => Polarity.LowerIsBetter,
        _ => Polarity.Neutral,
    };

    /// <summary>Whether the page can offer to rebase at the recording-system change: a monthly series that contains March 2024.</summary>
    public static bool CanRebaseAtRecordingChange(MeasureDto measure, IEnumerable<ChartObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return measure.Frequency == "monthly" && observations.Any(o => o.Period == RecordingSystemChange);
    }

    private static string PeriodKindOf(string frequency) => frequency switch
    {
        "monthly" => "month",
        "quarterly" => "quarter",
        _ => "year",
    };

    private async Task<Dictionary<string, List<ChartObservation>>> LoadAsync(MeasureDto measure, string[] geographies, CancellationToken cancellationToken)
    {
        var kind = PeriodKindOf(measure.Frequency);
        await using var command = dataSource.CreateCommand(
            """
            SELECT geography, period_start, value, numerator, denominator FROM performance.observations
            WHERE measure_code = $1 AND period_kind = $2 AND geography = ANY($3) ORDER BY geography, period_start
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = measure.Code });
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        command.Parameters.Add(new NpgsqlParameter { Value = geographies });
        var series = new Dictionary<string, List<ChartObservation>>(StringComparer.Ordinal);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            var geography = r.GetString(0);
            if (!series.TryGetValue(geography, out var list))
            {
                series[geography] = list = [];
            }

            list.Add(Read(r, 1, kind));
        }

        return series;
    }

    private static ChartObservation Read(NpgsqlDataReader r, int first, string kind)
    {
        var start = r.GetFieldValue<DateOnly>(first);
        return new ChartObservation(
            PeriodLabel(kind, start), start, (double)r.GetDecimal(first + 1),
            r.IsDBNull(first + 2) ? null : (double)r.GetDecimal(first + 2), r.IsDBNull(first + 3) ? null : (double)r.GetDecimal(first + 3));
    }

    private static ControlChart Analyse(MeasureDto measure, string geography, List<ChartObservation> observations, IReadOnlyCollection<string> rebaseAt)
    {
        SpcResult? result = null;
        string? problem = null;
        if (observations.Count >= 2)
        {
            try
            {
                result = XmrChart.Analyse(
                    [.. observations.Select(o => new SpcPoint(o.Period, o.Value))],
                    new SpcOptions
                    {
                        Polarity = PolarityOf(measure.Polarity),
                        Target = measure.TargetValue is { } t ? (double)t : null,
                        RebaseAt = rebaseAt,
                    });
            }
            catch (ArgumentException ex)
            {
                // The engine names what is wrong (a rebase period the series does not have); the caller shows it.
                problem = ex.Message;
            }
        }

        IReadOnlyList<ChartRow> rows = result is null
            ? [.. observations.Select(o => new ChartRow(o.Period, o.Value, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, null, SpcRules.None, SpcRules.None, 0, false))]
            : [.. result.Points.Select(p => new ChartRow(
                p.Period, p.Value, p.Mean, p.LowerProcessLimit, p.UpperProcessLimit, p.LowerNearLimit, p.UpperNearLimit, p.Variation, p.DecidingRule, p.RulesFired, p.Segment, p.IsTrial))];
        return new ControlChart
        {
            Measure = measure,
            Geography = geography,
            Observations = observations,
            RebaseAt = [.. rebaseAt],
            Result = result,
            Problem = problem,
            Rows = rows,
        };
    }
}
