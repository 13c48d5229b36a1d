using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using SeriousViolence.Performance.Importing;
using SeriousViolence.Performance.Spc;

namespace SeriousViolence.Performance.Api;

public sealed record SpcPointDto(
    string Period, double Value, double Mean, double LowerProcessLimit, double UpperProcessLimit, double LowerNearLimit, double UpperNearLimit,
    string Classification, IReadOnlyList<string> RulesFired, string? DecidingRule, int Segment, bool TrialLimits);

public sealed record SpcDto(string Measure, string Geography, string Polarity, double? Target, string VariationIcon, string AssuranceIcon, IReadOnlyList<string> Warnings, IReadOnlyList<SpcPointDto> Points);

/// <summary>A measure's control chart for one place, computed by the SPC engine from the stored observations.</summary>
public static class SpcApi
{
    public static void MapSpcApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/measures/{code}/spc", async Task<IResult> (string code, string? geography, string? rebase, NpgsqlDataSource db, CancellationToken ct) =>
        {
            geography = string.IsNullOrEmpty(geography) ? Geographies.London : geography;
            string? polarityText = null;
            double? target = null;
            await using (var measure = db.CreateCommand("SELECT polarity, target_value FROM performance.measures WHERE code = $1"))
            {
                measure.Parameters.Add(new NpgsqlParameter { Value = code });
                await using var r = await measure.ExecuteReaderAsync(ct);
                if (await r.ReadAsync(ct))
                {
                    polarityText = r.GetString(0);
                    target = r.IsDBNull(1) ? null : (double)r.GetDecimal(1);
                }
            }

            if (polarityText is null)
            {
                return TypedResults.Problem(statusCode: 404, title: "No such measure", detail: $"'{code}' is not a measure; GET /api/measures lists them.");
            }

            var points = new List<SpcPoint>();
            await using (var command = db.CreateCommand(
                "SELECT period_start, period_kind, value FROM performance.observations WHERE measure_code = $1 AND geography = $2 ORDER BY period_start"))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = code });
                command.Parameters.Add(new NpgsqlParameter { Value = geography });
                await using var r = await command.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct))
                {
                    var start = r.GetFieldValue<DateOnly>(0);
                    points.Add(new SpcPoint(r.GetString(1) == "year" ? start.Year.ToString(CultureInfo.InvariantCulture) : start.ToString("yyyy-MM", CultureInfo.InvariantCulture), (double)r.GetDecimal(2)));
                }
            }

            if (points.Count < 2)
            {
                return TypedResults.Problem(statusCode: 422, title: "Not enough data", detail: $"'{code}' has {points.Count} observation(s) for '{geography}'; a control chart needs at least two.");
            }

            var polarity = polarityText switch { "higher-is-better" => Polarity.HigherIsBetter, "lower-is-better" => Polarity.LowerIsBetter, _ => Polarity.Neutral };
            SpcResult result;
            try
            {
                result = XmrChart.Analyse(points, new SpcOptions
                {
                    Polarity = polarity,
                    Target = target,
                    RebaseAt = string.IsNullOrWhiteSpace(rebase) ? [] : rebase.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                });
            }
            catch (ArgumentException ex)
            {
                return TypedResults.Problem(statusCode: 400, title: "Cannot chart this series", detail: ex.Message);
            }

            return TypedResults.Ok(new SpcDto(code, geography, polarityText, target, result.Variation.ToString(), result.Assurance.ToString(), result.Warnings,
                [.. result.Points.Select(p => new SpcPointDto(
                    p.Period, p.Value, p.Mean, p.LowerProcessLimit, p.UpperProcessLimit, p.LowerNearLimit, p.UpperNearLimit, p.Variation.ToString(),
                    [.. Enum.GetValues<SpcRules>().Where(rule => rule != SpcRules.None && p.RulesFired.HasFlag(rule)).Select(rule => rule.ToString())],
                    p.DecidingRule == SpcRules.None ? null : p.DecidingRule.ToString(), p.Segment, p.IsTrial))]));
        })
        .WithTags("Measures")
        .WithName("GetMeasureSpc")
        .WithSummary("The measure's XmR control chart for a geography: per point the mean, process and near limits, classification and the rule that fired; and the variation and assurance icons. rebase=2024-03 starts new limits at that period (e.g. the MPS recording-system change).")
        .Produces<SpcDto>()
        .ProducesProblem(404)
        .ProducesProblem(422)
        .ProducesProblem(400);
    }
}
