using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SeriousViolence.Abstractions;

namespace SeriousViolence.Plugins.Returns;

/// <summary>A return as the API gives it: the prepared figures, the approved ones (null until approved), and who did what.</summary>
public sealed record ReturnDto(
    Guid Id, string Geography, string Name, string Month, string Status, int Revision,
    IReadOnlyDictionary<string, int> Prepared, IReadOnlyDictionary<string, int>? Approved,
    string PreparedBy, DateTimeOffset PreparedAt, string? ApprovedBy, DateTimeOffset? ApprovedAt, string? CorrectionReason, string Marking, long Version)
{
    public static ReturnDto From(ReturnDefinition definition, MonthlyReturn r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new ReturnDto(
            r.Id, r.Geography, ReturnText.Name(definition, r.Geography), r.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), r.Status.ToString(), r.Revision,
            r.PreparedValues, r.ApprovedValues, r.PreparedBy, r.PreparedAt, r.ApprovedBy, r.ApprovedAt, r.CorrectionReason, r.Marking.Label(), r.Version);
    }
}

/// <summary>An approved revision as the API gives it.</summary>
public sealed record ReturnRevisionDto(int Revision, IReadOnlyDictionary<string, int> Figures, string PreparedBy, string ApprovedBy, DateTimeOffset ApprovedAt, string? Reason, string Marking);

/// <summary>A return sent to the API: figures by field code as text or numbers are both accepted as text; the version read (null for a new return).</summary>
public sealed record ReturnRequest(string? Geography, string? Month, Dictionary<string, string>? Figures, string? Marking, string? Reason, long? Version);

/// <summary>An approval: the version of the return the lead checked.</summary>
public sealed record ApprovalRequest(long Version);

/// <summary>The endpoints of one return, under the strand's API group: the same commands the page uses.</summary>
public static class ReturnsApi
{
    public static void Map<TContext>(RouteGroupBuilder api, ReturnDefinition definition)
        where TContext : StrandDbContext
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(definition);
        var path = "/returns/" + definition.Key;
        var name = string.Concat(definition.Key.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

        api.MapGet(path, async (ICurrentActor current, MonthlyReturns<TContext> returns, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            return (await returns.ListAsync(actor, definition, ct)).Select(r => ReturnDto.From(definition, r));
        })
        .WithName($"Get{name}Returns")
        .WithSummary($"Every {definition.Title}, newest month first (the strand's leads and action owners).");

        api.MapGet(path + "/csv", async (ICurrentActor current, MonthlyReturns<TContext> returns, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            var (csv, _) = await returns.ExportCsvAsync(actor, definition, ct);
            return TypedResults.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"{definition.Key}-returns.csv");
        })
        .WithName($"Get{name}ReturnsCsv")
        .WithSummary($"Every {definition.Title} as CSV, marked at the top and bottom; the download is audited.");

        api.MapGet(path + "/{id:guid}/revisions", async (Guid id, ICurrentActor current, MonthlyReturns<TContext> returns, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            return (await returns.RevisionsAsync(actor, definition, id, ct)).Select(r =>
                new ReturnRevisionDto(r.Revision, MonthlyReturn.Parse(r.Figures), r.PreparedBy, r.ApprovedBy, r.ApprovedAt, r.Reason, r.Marking.Label()));
        })
        .WithName($"Get{name}ReturnRevisions")
        .WithSummary($"The approved revisions of one {definition.Title}, oldest first.");

        api.MapPost(path, async Task<Results<Ok<ReturnDto>, Created<ReturnDto>, ProblemHttpResult>> (ReturnRequest request, ICurrentActor current, MonthlyReturns<TContext> returns, CancellationToken ct) =>
        {
            ArgumentNullException.ThrowIfNull(request);
            var actor = await current.GetAsync(ct);
            var form = new ReturnForm
            {
                Geography = request.Geography ?? "", Month = request.Month ?? "", Marking = request.Marking ?? "OFFICIAL", Reason = request.Reason ?? "",
                Figures = request.Figures is null ? new(StringComparer.Ordinal) : new(request.Figures, StringComparer.Ordinal),
            };
            var result = await returns.PrepareAsync(actor, definition, form, request.Version, ct);
            return Answer(definition, result, created: request.Version is null);
        })
        .WithName($"Prepare{name}Return")
        .WithSummary($"Prepares a {definition.Title} (version null) or changes one (the version read; a correction of an approved return needs a reason): 201 or 200, 422 with errors by field, 409 if it changed since read.")
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost(path + "/{id:guid}/approve", async Task<Results<Ok<ReturnDto>, Created<ReturnDto>, ProblemHttpResult>> (Guid id, ApprovalRequest request, ICurrentActor current, MonthlyReturns<TContext> returns, CancellationToken ct) =>
        {
            ArgumentNullException.ThrowIfNull(request);
            var actor = await current.GetAsync(ct);
            return Answer(definition, await returns.ApproveAsync(actor, definition, id, request.Version, ct), created: false);
        })
        .WithName($"Approve{name}Return")
        .WithSummary($"A lead (not the person who prepared it) approves a {definition.Title} so that it counts: 200, 422 with the reason, 409 if it changed since read.")
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static Results<Ok<ReturnDto>, Created<ReturnDto>, ProblemHttpResult> Answer(ReturnDefinition definition, ReturnResult result, bool created)
    {
        if (result.Conflict is not null)
        {
            return StrandResults.Conflict(result.Conflict);
        }

        if (result.Saved is not { } saved)
        {
            return StrandResults.Invalid(result.Errors, $"The {definition.Title} was not saved");
        }

        var dto = ReturnDto.From(definition, saved);
        return created ? TypedResults.Created($"{definition.PagePath}#{saved.Id}", dto) : TypedResults.Ok(dto);
    }
}
