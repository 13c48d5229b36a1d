using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;

namespace SeriousViolence.Strands.SeriousYouthViolence.DiversionSchemes;

/// <summary>A scheme as the API gives it.</summary>
public sealed record SchemeDto(
    Guid Id, string Name, string Borough, string BoroughName, string Partner, int AgeFrom, int AgeTo, string Status, string LastReviewed, string Marking, long Version, string UpdatedBy);

/// <summary>A scheme sent to the API: the form's fields, and for a change the version read.</summary>
public sealed record SchemeRequest(
    string? Name, string? Borough, string? Partner, string? AgeFrom, string? AgeTo, string? Status, string? LastReviewed, string? Marking, long? Version);

/// <summary>The coverage the audit asks for: boroughs with an active scheme, and those with none.</summary>
public sealed record CoverageDto(int Boroughs, IReadOnlyList<BoroughCoverage> Covered, IReadOnlyList<BoroughCoverage> Uncovered);

/// <summary>The register's HTTP endpoints under <c>/api/strands/serious-youth-violence/</c>: the same commands the page uses.</summary>
internal static class SchemesApi
{
    public const string Path = "/diversion-schemes";

    public static void Map(RouteGroupBuilder api)
    {
        // Reading follows the strand's page: every internal person (the group admits only them).
        api.MapGet(Path, async (SchemeQueries queries, CancellationToken ct) => (await queries.ListAsync(ct)).Select(Dto))
            .WithName("GetSeriousYouthViolenceDiversionSchemes")
            .WithSummary("The youth diversion and engagement schemes register, by borough.");

        api.MapGet(Path + "/coverage", async (SchemeQueries queries, CancellationToken ct) =>
        {
            var coverage = SchemeCoverage.Of(await queries.ListAsync(ct));
            return new CoverageDto(coverage.Boroughs.Count, coverage.Covered, coverage.Uncovered);
        })
        .WithName("GetSeriousYouthViolenceDiversionSchemeCoverage")
        .WithSummary("Which of the 32 boroughs have at least one active scheme, and which have none.");

        api.MapGet(Path + ".csv", async (ICurrentActor current, SchemeQueries queries, IExportLog exports, TimeProvider clock, CancellationToken ct) =>
        {
            // As the returns kit does: exporting is its own permission, and every download is in the audit trail.
            var actor = await current.GetAsync(ct);
            AccessPolicy.Ensure(actor, Capability.Export);
            var now = clock.GetUtcNow();
            var all = await queries.ListAsync(ct);
            var csv = SchemesCsv.Write(all, now);
            await exports.RecordExportAsync(actor, $"the youth diversion schemes register (CSV, {all.Count} rows)", SeriousYouthViolenceStrand.DiversionSchemesPath,
                SeriousYouthViolenceStrand.Strand.Id, ProtectiveMarkings.Highest(all.Select(s => s.Marking)), ct);
            return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8",
                $"diversion-schemes-{now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv");
        })
        .WithName("GetSeriousYouthViolenceDiversionSchemesCsv")
        .WithSummary("The register as CSV, with its protective marking as the first and last line; the download is audited.");

        api.MapPost(Path, async Task<Results<Created<SchemeDto>, Ok<SchemeDto>, ProblemHttpResult>> (
            SchemeRequest request, ICurrentActor current, SchemeCommands commands, CancellationToken ct) =>
            Answer(await commands.SaveAsync(await current.GetAsync(ct), Form(request), null, null, ct), created: true))
        .WithName("PostSeriousYouthViolenceDiversionScheme")
        .WithSummary("Records a scheme: 201, or 422 with errors by field.");

        api.MapPut(Path + "/{id:guid}", async Task<Results<Created<SchemeDto>, Ok<SchemeDto>, ProblemHttpResult>> (
            Guid id, SchemeRequest request, ICurrentActor current, SchemeCommands commands, CancellationToken ct) =>
            Answer(await commands.SaveAsync(await current.GetAsync(ct), Form(request), id, request.Version, ct), created: false))
        .WithName("PutSeriousYouthViolenceDiversionScheme")
        .WithSummary("Changes a scheme from the version read: 200, 404, 409 if it changed since read (saying what changed), or 422 by field.");
    }

    private static SchemeForm Form(SchemeRequest r) => new()
    {
        Name = r.Name ?? "", Borough = r.Borough ?? "", Partner = r.Partner ?? "", AgeFrom = r.AgeFrom ?? "", AgeTo = r.AgeTo ?? "",
        Status = r.Status ?? nameof(SchemeStatus.Active), LastReviewed = r.LastReviewed ?? "", Marking = r.Marking ?? "OFFICIAL",
    };

    private static Results<Created<SchemeDto>, Ok<SchemeDto>, ProblemHttpResult> Answer(SchemeResult result, bool created)
    {
        if (result.NotFound)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such scheme");
        }

        if (result.Conflict is not null)
        {
            return StrandResults.Conflict(result.Conflict);
        }

        if (result.Saved is not { } saved)
        {
            return StrandResults.Invalid(result.Errors);
        }

        return created ? TypedResults.Created($"/api/strands/serious-youth-violence{Path}/{saved.Id}", Dto(saved)) : TypedResults.Ok(Dto(saved));
    }

    private static SchemeDto Dto(DiversionScheme s) =>
        new(s.Id, s.Name, s.Borough, SchemeBoroughs.Name(s.Borough), s.Partner, s.AgeFrom, s.AgeTo, s.Status.ToString(),
            s.LastReviewed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.Marking.Label(), s.Version, s.UpdatedBy);
}
