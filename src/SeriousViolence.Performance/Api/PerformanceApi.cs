using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using SeriousViolence.Abstractions;
using SeriousViolence.Performance.Importing;
using SeriousViolence.Performance.Measures;
using SeriousViolence.Platform.Security;

namespace SeriousViolence.Performance.Api;

public sealed record MeasureDto(
    string Code, string Name, string Description, IReadOnlyList<string> Strands, IReadOnlyList<int> Outcomes, string Unit, string? Numerator, string? Denominator,
    string Polarity, decimal? TargetValue, DateOnly? TargetDate, string? TargetText, string? Baseline, string Frequency, IReadOnlyList<string> Geographies,
    string DataSource, string Marking, int Observations, bool Declared = true, string? OwnerStrand = null, string? Proxy = null);

public sealed record ObservationDto(string Period, string PeriodKind, string Geography, decimal Value, decimal? Numerator, decimal? Denominator, int Revision, string Source, DateTimeOffset RecordedAt);

/// <summary>Measures, their observations, and imports (multipart upload returning the import report).</summary>
public static class PerformanceApi
{
    public static void MapPerformanceApi(this IEndpointRouteBuilder app)
    {
        var measures = app.MapGroup("/api/measures").WithTags("Measures").RequireCapability(Capability.ViewBoard);
        measures.MapGet("/", (MeasureQueries queries, CancellationToken ct) => queries.MeasuresAsync(ct))
        .WithName("GetMeasures")
        .WithSummary("Every success measure: definition, unit, polarity, target and how many observations it has.");

        measures.MapGet("/{code}/observations", async Task<IResult> (string code, string? geography, DateOnly? from, DateOnly? to, NpgsqlDataSource db, CancellationToken ct) =>
        {
            await using (var exists = db.CreateCommand("SELECT count(*) FROM performance.measures WHERE code = $1"))
            {
                exists.Parameters.Add(new NpgsqlParameter { Value = code });
                if ((long)(await exists.ExecuteScalarAsync(ct))! == 0)
                {
                    return TypedResults.Problem(statusCode: 404, title: "No such measure", detail: $"'{code}' is not a measure; GET /api/measures lists them.");
                }
            }

            await using var command = db.CreateCommand(
                """
                SELECT period_start, period_kind, geography, value, numerator, denominator, revision, source, recorded_at
                FROM performance.observations
                WHERE measure_code = $1 AND geography = $2 AND ($3::date IS NULL OR period_start >= $3) AND ($4::date IS NULL OR period_start <= $4)
                ORDER BY period_start
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = code });
            command.Parameters.Add(new NpgsqlParameter { Value = string.IsNullOrEmpty(geography) ? Geographies.London : geography });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)from ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)to ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date });
            var list = new List<ObservationDto>();
            await using var r = await command.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var start = r.GetFieldValue<DateOnly>(0);
                var kind = r.GetString(1);
                list.Add(new ObservationDto(
                    MeasureCharts.PeriodLabel(kind, start),
                    kind, r.GetString(2), r.GetDecimal(3), r.IsDBNull(4) ? null : r.GetDecimal(4), r.IsDBNull(5) ? null : r.GetDecimal(5), r.GetInt32(6), r.GetString(7), r.GetFieldValue<DateTimeOffset>(8)));
            }

            return TypedResults.Ok(list);
        })
        .WithName("GetMeasureObservations")
        .WithSummary("A measure's observations for one geography ('london', a borough's GSS code E09..., or a ward's E05...), optionally between two dates.")
        .Produces<IEnumerable<ObservationDto>>()
        .ProducesProblem(404);

        measures.MapPost("/{code}/observations", async Task<IResult> (string code, List<ObservationInput> observations, ImportService imports, ICurrentActor currentActor, CancellationToken ct) =>
        {
            var report = await imports.RecordAsync(await currentActor.GetAsync(ct), code, observations, ct);
            return report.Accepted ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
        })
        .WithName("PostMeasureObservations")
        .WithSummary("Records observations for a measure (partner systems). Validated as a whole: any error rejects them all, with the item number, field and reason. Periods: 2024-03 (monthly), 2024/25 Q1 (quarterly), 2024 (annual).")
        .Produces<ImportReport>()
        .Produces<ImportReport>(422);

        app.MapPost("/api/imports", async Task<IResult> (HttpRequest request, ImportService imports, ICurrentActor currentActor, CancellationToken ct) =>
        {
            var actor = await currentActor.GetAsync(ct);
            if (!request.HasFormContentType || request.Form.Files.Count == 0)
            {
                return TypedResults.Problem(statusCode: 400, title: "No file", detail: "Send the file(s) as multipart/form-data (field name 'file').");
            }

            var reports = new List<ImportReport>();
            foreach (var file in request.Form.Files)
            {
                await using var stream = file.OpenReadStream();
                reports.Add(await imports.ImportAsync(actor, file.FileName, stream, progress: null, ct));
            }

            return reports.All(r => r.Accepted) ? TypedResults.Ok(reports) : TypedResults.UnprocessableEntity(reports);
        })
        .DisableAntiforgery()
        .WithTags("Imports")
        .WithName("PostImports")
        .WithSummary("Imports MPS open-data files (format recognised from the header). A file with any error is rejected whole; the report lists line, column and reason.")
        .Produces<IEnumerable<ImportReport>>()
        .Produces<IEnumerable<ImportReport>>(422);
    }
}
