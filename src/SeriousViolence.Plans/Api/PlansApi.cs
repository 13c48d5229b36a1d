using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;
using SeriousViolence.Plans.Features;
using SeriousViolence.Plans.Model;
using SeriousViolence.Abstractions.Csv;
using SeriousViolence.Platform.Security;
using SeriousViolence.Platform.Strands;

namespace SeriousViolence.Plans.Api;

public sealed record StrandDto(string Id, int Number, string Name, string Operation, string LeadRole, string PagePath, int Objectives);

public sealed record TargetDto(decimal? Value, string? Unit, string Text);

public sealed record ObjectiveDto(
    Guid Id,
    string StrandId,
    string? SeedKey,
    string Text,
    IReadOnlyList<string> Ripe,
    IReadOnlyList<int> Years,
    string Status,
    string? Rag,
    int PercentComplete,
    TargetDto? Target,
    string? DueQuarter,
    IReadOnlyList<string> Themes,
    string? Owner,
    IReadOnlyList<string> Partners,
    long Revision,
    DateTimeOffset UpdatedAt)
{
    public static ObjectiveDto From(Objective o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var message = o.ToMessage(o.UpdatedAt);
        return new ObjectiveDto(
            o.Id, o.StrandId, o.SeedKey, o.Text, message.Ripe, message.Years, o.Status.ToString(), o.Rag?.ToString(), o.PercentComplete,
            o.TargetText is null ? null : new TargetDto(o.TargetValue, o.TargetUnit, o.TargetText), o.DueQuarter, o.Themes, o.Owner, o.Partners,
            o.Revision, o.UpdatedAt);
    }
}

/// <summary>
/// JSON for the Board's other tools (spreadsheets, Power BI) and tests: the strands and their objectives. Read-only.
/// Also the CSV export of a strand's action plan, which the workspace links to.
/// </summary>
/// <summary>A progress report for one objective; <see cref="Revision"/> is the revision the caller read.</summary>
public sealed record ProgressUpdate(long Revision, string Status, string? Rag, int PercentComplete);

public static class PlansApi
{
    public static void MapPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/strands").WithTags("Strands and objectives").RequireCapability(Capability.ViewBoard);
        api.MapGet("/", async (StrandCatalog catalog, PlansQueries queries, CancellationToken ct) =>
        {
            var counts = await queries.ObjectiveCountsAsync(ct);
            return catalog.Descriptors.Select(d => new StrandDto(d.Id, d.Number, d.Name, d.Operation, d.LeadRole, d.PagePath, counts.GetValueOrDefault(d.Id)));
        })
        .WithName("GetStrands")
        .WithSummary("The strands this deployment runs, with their ids and names.");

        api.MapGet("/{strandId}/objectives", async Task<IResult> (string strandId, string? status, string? theme, int? year, StrandCatalog catalog, PlansQueries queries, CancellationToken ct) =>
        {
            if (catalog.Find(strandId) is null)
            {
                return TypedResults.Problem(statusCode: 404, title: "No such strand", detail: $"'{strandId}' is not a strand of this deployment; GET /api/strands lists them.");
            }

            if (!TryFilter(status, theme, year, out var filter, out var error))
            {
                return TypedResults.Problem(statusCode: 400, title: "Invalid filter", detail: error);
            }

            var objectives = await queries.ObjectivesAsync(strandId, filter, ct);
            return TypedResults.Ok(objectives.Select(ObjectiveDto.From));
        })
        .WithName("GetStrandObjectives")
        .WithSummary("A strand's objectives (RIPE actions) with RIPE categories, years, status, RAG, percent complete, target and revision.")
        .Produces<IEnumerable<ObjectiveDto>>()
        .ProducesProblem(404)
        .ProducesProblem(400);

        app.MapGet("/strands/{strandId}/action-plan.csv", async Task<IResult> (string strandId, StrandCatalog catalog, PlansQueries queries, TimeProvider clock, CancellationToken ct) =>
        {
            var strand = catalog.Find(strandId);
            if (strand is null)
            {
                return TypedResults.NotFound();
            }

            var objectives = await queries.ObjectivesAsync(strandId, ObjectiveFilter.All, ct);
            var csv = ActionPlanCsv.Write(strand, objectives, clock.GetUtcNow());
            var fileName = $"action-plan-{strandId}-{clock.GetUtcNow():yyyy-MM-dd}.csv";
            return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", fileName);
        }).AuditedExport("a strand's action plan as CSV").ExcludeFromDescription();

        app.MapGet("/api/shared/objectives", async (ICurrentActor currentActor, PlansQueries queries, CancellationToken ct) =>
            (await queries.SharedWithAsync(await currentActor.GetAsync(ct), ct)).Select(ObjectiveDto.From))
        .WithTags("Strands and objectives")
        .WithName("GetSharedObjectives")
        .WithSummary("For a partner: the objectives shared with their organisation (OFFICIAL only).")
        .ProducesProblem(403);

        app.MapPatch("/api/objectives/{id:guid}/progress", async Task<IResult> (Guid id, ProgressUpdate update, ICurrentActor currentActor, PlansDbContext db, ObjectiveCommands commands, CancellationToken ct) =>
        {
            var objective = await db.Objectives.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
            if (objective is null)
            {
                return TypedResults.Problem(statusCode: 404, title: "No such objective");
            }

            if (!Enum.TryParse<ObjectiveStatus>(update.Status, ignoreCase: true, out var status) || !Enum.IsDefined(status))
            {
                return TypedResults.Problem(statusCode: 422, title: "Not valid", detail: $"status is one of {string.Join(", ", Enum.GetNames<ObjectiveStatus>())}.");
            }

            Rag? rag = null;
            if (!string.IsNullOrEmpty(update.Rag))
            {
                if (!Enum.TryParse<Rag>(update.Rag, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                {
                    return TypedResults.Problem(statusCode: 422, title: "Not valid", detail: "rag is Red, Amber or Green (or empty).");
                }

                rag = parsed;
            }

            var form = ObjectiveForm.From(objective);
            form.Status = status;
            form.Rag = rag;
            form.PercentComplete = update.PercentComplete;
            var result = await commands.UpdateAsync(await currentActor.GetAsync(ct), id, update.Revision, form, ct);
            if (result.Conflict is not null)
            {
                return TypedResults.Problem(statusCode: 409, title: "Changed since you read it", detail: $"The objective is at revision {result.Conflict.CurrentRevision}; read it again and re-apply your change.");
            }

            return result.Succeeded ? TypedResults.Ok(ObjectiveDto.From(result.Value!)) : TypedResults.Problem(statusCode: 422, title: "Not valid", detail: string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        })
        .WithTags("Strands and objectives")
        .WithName("UpdateObjectiveProgress")
        .WithSummary("Records an objective's status, RAG and percent complete (strand lead of its strand). Give the revision you read: a stale one gets 409.")
        .Produces<ObjectiveDto>()
        .ProducesProblem(403)
        .ProducesProblem(404)
        .ProducesProblem(409)
        .ProducesProblem(422);
    }

    internal static bool TryFilter(string? status, string? theme, int? year, out ObjectiveFilter filter, out string error)
    {
        filter = ObjectiveFilter.All;
        error = "";
        ObjectiveStatus? parsedStatus = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<ObjectiveStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s))
            {
                error = $"status '{status}' is not one of {string.Join(", ", Enum.GetNames<ObjectiveStatus>())}.";
                return false;
            }

            parsedStatus = s;
        }

        if (year is not null and not (1 or 2))
        {
            error = "year is 1 or 2.";
            return false;
        }

        filter = new ObjectiveFilter(parsedStatus, string.IsNullOrEmpty(theme) ? null : theme, year);
        return true;
    }
}

/// <summary>A strand's action plan as CSV: one row per objective, the strategy's words and the current position.</summary>
public static class ActionPlanCsv
{
    public static string Write(StrandDescriptor strand, IEnumerable<Objective> objectives, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(strand);
        ArgumentNullException.ThrowIfNull(objectives);
        var sb = new StringBuilder();
        var marking = ProtectiveMarkings.Highest(objectives.Select(o => o.Marking));
        MarkedCsv.Begin(sb, marking, $"Action plan: {strand.Number}. {strand.Name}", now);
        Row(sb, "Strand", "Quarter", "Exported (UTC)");
        Row(sb, $"{strand.Number}. {strand.Name}", FinancialQuarter.Containing(now).ToString(), now.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        sb.Append("\r\n");
        Row(sb, "Key", "RIPE", "Years", "Objective", "Owner", "Partners", "Themes", "Target", "Due quarter", "Status", "RAG", "Percent complete", "Revision", "Last updated (UTC)", "Updated by");
        foreach (var o in objectives)
        {
            Row(sb, o.SeedKey ?? "added", o.Ripe.Label(), o.Years.Label(), o.Text, o.Owner ?? "", string.Join("; ", o.Partners), string.Join("; ", o.Themes),
                o.TargetText ?? "", o.DueQuarter ?? "", o.Status.Label(), o.Rag?.ToString() ?? "", o.PercentComplete.ToString(CultureInfo.InvariantCulture),
                o.Revision.ToString(CultureInfo.InvariantCulture), o.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), o.UpdatedBy);
        }

        MarkedCsv.End(sb, marking);
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, params string[] fields) => CsvText.Row(sb, fields);
}
