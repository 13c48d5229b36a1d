using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;
using SeriousViolence.Strands.Homicide.Fiu;
using SeriousViolence.Strands.Homicide.Investigations;
using SeriousViolence.Strands.Homicide.Partnerships;
using SeriousViolence.Strands.Homicide.Records;

namespace SeriousViolence.Strands.Homicide.Api;

public sealed record InvestigationDto(
    Guid Id, string OperationName, string OpenedOn, string Borough, string Status, string? DetectedOn, string? ChargedOn, string? Outcome, string? DebriefedOn, string Marking, long Version);

/// <summary>An investigation sent to the API: the form's fields, and the id and version read (null for a new one).</summary>
public sealed record InvestigationRequest(
    Guid? Id, long? Version, string? OperationName, string? OpenedOn, string? Borough, string? Status, string? DetectedOn, string? ChargedOn, string? Outcome, string? DebriefedOn, string? Marking);

/// <summary>Times in UTC (ISO 8601); the request sends London wall-clock times, as the page does.</summary>
public sealed record FiuRequestDto(Guid Id, string Reference, string RequestType, DateTimeOffset ReceivedAt, DateTimeOffset DeadlineAt, DateTimeOffset? RespondedAt, string? RespondedBy, bool? WithinDeadline, string Marking, long Version);

public sealed record FiuRequestRequest(Guid? Id, long? Version, string? RequestType, string? ReceivedAt, string? RespondedAt, string? RespondedBy, string? Marking);

public sealed record FiuWarningDto(string Reference, string Kind, string AddressedTo, string Text, DateTimeOffset DeadlineAt, DateTimeOffset RaisedAt);

public sealed record ProjectDto(Guid Id, string Name, IReadOnlyList<string> Partners, string Objective, string StartedOn, string Status, string Evidence, string Marking, long Version);

public sealed record ProjectRequest(Guid? Id, long? Version, string? Name, IReadOnlyList<string>? Partners, string? Objective, string? StartedOn, string? Status, string? Evidence, string? Marking);

/// <summary>The strand's HTTP endpoints under <c>/api/strands/homicide/</c>: the same commands and checks the pages use.</summary>
internal static class HomicideApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/investigations", async (ICurrentActor current, HomicideQueries queries, CancellationToken ct) =>
        {
            await ReaderAsync(current, ct);
            return (await queries.InvestigationsAsync(ct)).Select(Dto);
        }).WithName("GetHomicideInvestigations").WithSummary("The investigations register (Homicide's leads and action owners).");

        api.MapGet("/investigations.csv", async (ICurrentActor current, HomicideQueries queries, TimeProvider clock, CancellationToken ct) =>
        {
            await ReaderAsync(current, ct);
            return Csv(HomicideQueries.InvestigationsCsv(await queries.InvestigationsAsync(ct), clock.GetUtcNow()), "homicide-investigations.csv");
        }).WithName("GetHomicideInvestigationsCsv").WithSummary("The investigations register as CSV, with its protective marking as the first and last line.");

        api.MapPost("/investigations", async Task<Results<Ok<InvestigationDto>, ProblemHttpResult>> (
            InvestigationRequest r, ICurrentActor current, InvestigationCommands commands, CancellationToken ct) =>
        {
            var form = new InvestigationForm
            {
                OperationName = r.OperationName ?? "", OpenedOn = r.OpenedOn ?? "", Borough = r.Borough ?? "", Status = r.Status ?? "",
                DetectedOn = r.DetectedOn ?? "", ChargedOn = r.ChargedOn ?? "", Outcome = r.Outcome ?? "", DebriefedOn = r.DebriefedOn ?? "", Marking = r.Marking ?? "OFFICIAL",
            };
            return Answer(await commands.SaveAsync(await current.GetAsync(ct), form, r.Id, r.Version, ct), Dto);
        }).WithName("PostHomicideInvestigation").WithSummary("Opens (no id) or changes an investigation: 200, 422 with errors by field, or 409 if it changed since read.");

        api.MapGet("/fiu-requests", async (ICurrentActor current, HomicideQueries queries, TimeProvider clock, CancellationToken ct) =>
        {
            await ReaderAsync(current, ct);
            var now = clock.GetUtcNow();
            return (await queries.FiuRequestsAsync(ct)).Select(r => Dto(r, now));
        }).WithName("GetHomicideFiuRequests").WithSummary("The SCD1 FIU request log with each deadline.");

        api.MapGet("/fiu-requests.csv", async (ICurrentActor current, HomicideQueries queries, TimeProvider clock, CancellationToken ct) =>
        {
            await ReaderAsync(current, ct);
            return Csv(HomicideQueries.FiuCsv(await queries.FiuRequestsAsync(ct), clock.GetUtcNow()), "homicide-fiu-requests.csv");
        }).WithName("GetHomicideFiuRequestsCsv").WithSummary("The FIU request log as CSV, marked.");

        api.MapGet("/fiu-warnings", async (ICurrentActor current, HomicideQueries queries, CancellationToken ct) =>
        {
            await ReaderAsync(current, ct);
            var requests = (await queries.FiuRequestsAsync(ct)).ToDictionary(r => r.Id, r => r.Reference);
            return (await queries.FiuWarningsAsync(ct)).Select(w => new FiuWarningDto(requests.GetValueOrDefault(w.RequestId, "?"), w.Kind, w.AddressedTo, w.Text, w.DeadlineAt, w.RaisedAt));
        }).WithName("GetHomicideFiuWarnings").WithSummary("What the deadline job told the FIU lead: warnings before deadlines and breaches.");

        api.MapPost("/fiu-requests", async Task<Results<Ok<FiuRequestDto>, ProblemHttpResult>> (
            FiuRequestRequest r, ICurrentActor current, FiuRequestCommands commands, TimeProvider clock, CancellationToken ct) =>
        {
            var form = new FiuRequestForm { RequestType = r.RequestType ?? "", ReceivedAt = r.ReceivedAt ?? "", RespondedAt = r.RespondedAt ?? "", RespondedBy = r.RespondedBy ?? "", Marking = r.Marking ?? "OFFICIAL" };
            var now = clock.GetUtcNow();
            return Answer(await commands.SaveAsync(await current.GetAsync(ct), form, r.Id, r.Version, ct), x => Dto(x, now));
        }).WithName("PostHomicideFiuRequest").WithSummary("Logs (no id) or updates an FIU request; times are London wall-clock (2026-03-14T09:30). 200, 422 by field, or 409.");

        api.MapGet("/partnership-projects", async (ICurrentActor current, HomicideQueries queries, CancellationToken ct) =>
        {
            await ReaderAsync(current, ct);
            return (await queries.ProjectsAsync(ct)).Select(Dto);
        }).WithName("GetHomicidePartnershipProjects").WithSummary("The partnership projects register.");

        api.MapGet("/partnership-projects.csv", async (ICurrentActor current, HomicideQueries queries, TimeProvider clock, CancellationToken ct) =>
        {
            await ReaderAsync(current, ct);
            return Csv(HomicideQueries.ProjectsCsv(await queries.ProjectsAsync(ct), clock.GetUtcNow()), "homicide-partnership-projects.csv");
        }).WithName("GetHomicidePartnershipProjectsCsv").WithSummary("The partnership projects register as CSV, marked.");

        api.MapPost("/partnership-projects", async Task<Results<Ok<ProjectDto>, ProblemHttpResult>> (
            ProjectRequest r, ICurrentActor current, PartnershipProjectCommands commands, CancellationToken ct) =>
        {
            var form = new PartnershipProjectForm
            {
                Name = r.Name ?? "", Partners = [.. r.Partners ?? []], Objective = r.Objective ?? "", StartedOn = r.StartedOn ?? "", Status = r.Status ?? "",
                Evidence = r.Evidence ?? "", Marking = r.Marking ?? "OFFICIAL",
            };
            return Answer(await commands.SaveAsync(await current.GetAsync(ct), form, r.Id, r.Version, ct), Dto);
        }).WithName("PostHomicidePartnershipProject").WithSummary("Records (no id) or changes a partnership project (the strand's leads): 200, 422 by field, or 409.");
    }

    /// <summary>The registers are the strand's working records: its leads and action owners read them.</summary>
    private static async Task ReaderAsync(ICurrentActor current, CancellationToken ct) =>
        AccessPolicy.Ensure(await current.GetAsync(ct), InvestigationCommands.RecordInvestigation, HomicideStrand.Strand.Id);

    private static Results<Ok<TDto>, ProblemHttpResult> Answer<T, TDto>(RegisterResult<T> result, Func<T, TDto> dto)
        where T : class =>
        result.Conflict is not null ? StrandResults.Conflict(result.Conflict)
        : result.Saved is null ? StrandResults.Invalid(result.Errors)
        : TypedResults.Ok(dto(result.Saved));

    private static FileContentHttpResult Csv(string text, string name) =>
        TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text), "text/csv; charset=utf-8", name);

    private static string? D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static InvestigationDto Dto(Investigation i) =>
        new(i.Id, i.OperationName, D(i.OpenedOn)!, i.Borough, i.Status, D(i.DetectedOn), D(i.ChargedOn), i.Outcome, D(i.DebriefedOn), i.Marking.Label(), i.Version);

    private static FiuRequestDto Dto(FiuRequest r, DateTimeOffset now) =>
        new(r.Id, r.Reference, r.RequestType, r.ReceivedAt, r.DeadlineAt, r.RespondedAt, r.RespondedBy, r.RespondedAt is null && !r.Breached(now) ? null : r.Met, r.Marking.Label(), r.Version);

    private static ProjectDto Dto(PartnershipProject p) =>
        new(p.Id, p.Name, p.Partners, p.Objective, D(p.StartedOn)!, p.Status, p.Evidence, p.Marking.Label(), p.Version);
}
