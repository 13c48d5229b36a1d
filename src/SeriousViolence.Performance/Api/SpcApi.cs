using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SeriousViolence.Performance.Measures;
using SeriousViolence.Performance.Spc;
using SeriousViolence.Abstractions;
using SeriousViolence.Platform.Security;

namespace SeriousViolence.Performance.Api;

/// <summary>A point of the chart; a limit the engine cannot give (not a finite number, e.g. for a constant series) is null, never a 500.</summary>
public sealed record SpcPointDto(
    string Period, double Value, double? Mean, double? LowerProcessLimit, double? UpperProcessLimit, double? LowerNearLimit, double? UpperNearLimit,
    string Classification, IReadOnlyList<string> RulesFired, string? DecidingRule, int Segment, bool TrialLimits);

public sealed record SpcDto(string Measure, string Geography, string Polarity, double? Target, string VariationIcon, string AssuranceIcon, IReadOnlyList<string> Warnings, IReadOnlyList<SpcPointDto> Points);

/// <summary>
/// A measure's control chart for one place, computed by the SPC engine from the stored observations (through
/// <see cref="MeasureCharts"/>, as the measure page is): as JSON for other tools, and as the CSV behind the page's chart.
/// </summary>
public static class SpcApi
{
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    public static void MapSpcApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/measures/{code}/spc", async Task<IResult> (string code, string? geography, string? rebase, MeasureCharts charts, CancellationToken ct) =>
        {
            var chart = await charts.ControlChartAsync(code, geography, MeasureCharts.ParseRebase(rebase), ct);
            if (chart is null)
            {
                return NoSuchMeasure(code);
            }

            if (chart.Observations.Count < 2)
            {
                return TypedResults.Problem(statusCode: 422, title: "Not enough data", detail: $"'{code}' has {chart.Observations.Count} observation(s) for '{chart.Geography}'; a control chart needs at least two.");
            }

            if (chart.Result is not { } result)
            {
                return TypedResults.Problem(statusCode: 400, title: "Cannot chart this series", detail: chart.Problem);
            }

            return TypedResults.Ok(new SpcDto(code, chart.Geography, chart.Measure.Polarity, chart.Target, result.Variation.ToString(), result.Assurance.ToString(), result.Warnings,
                [.. result.Points.Select(p => new SpcPointDto(
                    p.Period, p.Value, Finite(p.Mean), Finite(p.LowerProcessLimit), Finite(p.UpperProcessLimit), Finite(p.LowerNearLimit), Finite(p.UpperNearLimit), p.Variation.ToString(),
                    [.. Enum.GetValues<SpcRules>().Where(rule => rule != SpcRules.None && p.RulesFired.HasFlag(rule)).Select(rule => rule.ToString())],
                    p.DecidingRule == SpcRules.None ? null : p.DecidingRule.ToString(), p.Segment, p.IsTrial))]));
        })
        .WithTags("Measures")
        .WithName("GetMeasureSpc")
        .WithSummary("The measure's XmR control chart for a geography: per point the mean, process and near limits, classification and the rule that fired; and the variation and assurance icons. rebase=2024-03 starts new limits at that period (e.g. the MPS recording-system change).")
        .RequireCapability(Capability.ViewBoard)
        .Produces<SpcDto>()
        .ProducesProblem(404)
        .ProducesProblem(422)
        .ProducesProblem(400);

        // The download under the measure page's chart: the same rows as its table, so a spreadsheet can redraw the chart.
        app.MapGet("/measures/{code}/chart.csv", async Task<IResult> (string code, string? geography, string? rebase, MeasureCharts charts, CancellationToken ct) =>
        {
            var chart = await charts.ControlChartAsync(code, geography, MeasureCharts.ParseRebase(rebase), ct);
            if (chart is null)
            {
                return NoSuchMeasure(code);
            }

            if (chart.Problem is not null)
            {
                return TypedResults.Problem(statusCode: 400, title: "Cannot chart this series", detail: chart.Problem);
            }

            var csv = ChartCsv.Write(chart);
            return TypedResults.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], "text/csv; charset=utf-8", ChartCsv.FileName(chart));
        }).AuditedExport("control chart data as CSV").ExcludeFromDescription();
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NoSuchMeasure(string code) =>
        TypedResults.Problem(statusCode: 404, title: "No such measure", detail: $"'{code}' is not a measure; GET /api/measures lists them.");
}
