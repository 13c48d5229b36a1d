using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;

namespace SeriousViolence.Strands.ChildAbuse.CaseReviews;

/// <summary>A recommendation as the API gives it.</summary>
public sealed record RecommendationDto(
    Guid Id, string SourceReview, string Recommendation, string Owner, string DueQuarter, string Status, bool Overdue, string Evidence, string Marking, long Version, string UpdatedBy);

/// <summary>A recommendation sent to the API: the form's fields, and for a change the version read.</summary>
public sealed record RecommendationRequest(
    string? SourceReview, string? Recommendation, string? Owner, string? DueQuarter, string? Status, string? Evidence, string? Marking, long? Version);

/// <summary>The tracker's HTTP endpoints under <c>/api/strands/child-abuse/</c>: the same commands the page uses.</summary>
internal static class RecommendationsApi
{
    public const string Path = "/case-review-recommendations";

    public static void Map(RouteGroupBuilder api)
    {
        // Reading follows the strand's page: every internal person (the group admits only them).
        api.MapGet(Path, async (RecommendationQueries queries, TimeProvider clock, CancellationToken ct) =>
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            return (await queries.ListAsync(ct)).Select(r => Dto(r, today));
        })
        .WithName("GetChildAbuseCaseReviewRecommendations")
        .WithSummary("The serious case review recommendations tracker, still open first, with whether each is overdue.");

        // Every download is in the audit trail as an export, with who took it and its marking.
        api.MapGet(Path + ".csv", async (RecommendationQueries queries, ICurrentActor current, IExportLog exports, TimeProvider clock, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow();
            var all = await queries.ListAsync(ct);
            var csv = RecommendationsCsv.Write(all, now);
            await exports.RecordExportAsync(
                await current.GetAsync(ct), $"the serious case review recommendations (CSV, {all.Count} rows)", ChildAbuseStrand.CaseReviewsPath,
                ChildAbuseStrand.Strand.Id, ProtectiveMarkings.Highest(all.Select(r => r.Marking)), ct);
            return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8",
                $"case-review-recommendations-{now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv");
        })
        .WithName("GetChildAbuseCaseReviewRecommendationsCsv")
        .WithSummary("The tracker as CSV, with its protective marking as the first and last line; the download is audited as an export.");

        api.MapPost(Path, async Task<Results<Created<RecommendationDto>, Ok<RecommendationDto>, ProblemHttpResult>> (
            RecommendationRequest request, ICurrentActor current, RecommendationCommands commands, TimeProvider clock, CancellationToken ct) =>
            Answer(await commands.SaveAsync(await current.GetAsync(ct), Form(request), null, null, ct), clock, created: true))
        .WithName("PostChildAbuseCaseReviewRecommendation")
        .WithSummary("Records a recommendation: 201, or 422 with errors by field.");

        api.MapPut(Path + "/{id:guid}", async Task<Results<Created<RecommendationDto>, Ok<RecommendationDto>, ProblemHttpResult>> (
            Guid id, RecommendationRequest request, ICurrentActor current, RecommendationCommands commands, TimeProvider clock, CancellationToken ct) =>
            Answer(await commands.SaveAsync(await current.GetAsync(ct), Form(request), id, request.Version, ct), clock, created: false))
        .WithName("PutChildAbuseCaseReviewRecommendation")
        .WithSummary("Changes a recommendation from the version read: 200, 404, 409 if it changed since read (saying what changed), or 422 by field. Closing is the lead's.");
    }

    private static RecommendationForm Form(RecommendationRequest r) => new()
    {
        SourceReview = r.SourceReview ?? "", RecommendationText = r.Recommendation ?? "", Owner = r.Owner ?? "", DueQuarter = r.DueQuarter ?? "",
        Status = r.Status ?? nameof(RecommendationStatus.Open), Evidence = r.Evidence ?? "", Marking = r.Marking ?? "OFFICIAL",
    };

    private static Results<Created<RecommendationDto>, Ok<RecommendationDto>, ProblemHttpResult> Answer(RecommendationResult result, TimeProvider clock, bool created)
    {
        if (result.NotFound)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such recommendation");
        }

        if (result.Conflict is not null)
        {
            return StrandResults.Conflict(result.Conflict);
        }

        if (result.Saved is not { } saved)
        {
            return StrandResults.Invalid(result.Errors);
        }

        var dto = Dto(saved, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return created ? TypedResults.Created($"/api/strands/child-abuse{Path}/{saved.Id}", dto) : TypedResults.Ok(dto);
    }

    private static RecommendationDto Dto(Recommendation r, DateOnly today) =>
        new(r.Id, r.SourceReview, r.RecommendationText, r.Owner, r.DueQuarter, r.Status.ToString(), r.IsOverdueOn(today), r.Evidence, r.Marking.Label(), r.Version, r.UpdatedBy);
}
