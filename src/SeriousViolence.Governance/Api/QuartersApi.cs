using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SeriousViolence.Abstractions;
using SeriousViolence.Governance.Cycle;
using SeriousViolence.Governance.Packs;
using SeriousViolence.Governance.Snapshots;

namespace SeriousViolence.Governance.Api;

/// <summary>The quarterly cycle over HTTP: quarters with their state and submissions, and each quarter's record.</summary>
public static class QuartersApi
{
    public static IEndpointRouteBuilder MapGovernanceApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/quarters").WithTags("Quarters");
        group.MapGet("/", async (ICurrentActor current, QuarterQueries queries, CancellationToken ct) =>
            Results.Ok(await queries.ListAsync(await current.GetAsync(ct), ct)))
            .WithSummary("Every financial quarter the cycle has reached: in-progress, open or locked; each strand's submission (on time, late, not submitted); the quarter record's id once locked.")
            .Produces<IReadOnlyList<QuarterView>>();
        group.MapGet("/{quarterId}", async (string quarterId, ICurrentActor current, QuarterQueries queries, CancellationToken ct) =>
            !QuarterQueries.TryParseId(quarterId, out var quarter) ? NotAQuarter(quarterId)
            : await queries.GetAsync(await current.GetAsync(ct), quarter, ct) is { } view ? Results.Ok(view)
            : Results.NotFound())
            .WithSummary("One quarter, by id such as 2026-27-Q1.")
            .Produces<QuarterView>().Produces(StatusCodes.Status404NotFound);
        group.MapGet("/{quarterId}/record", async (string quarterId, ICurrentActor current, QuarterSnapshots snapshots, CancellationToken ct) =>
            !QuarterQueries.TryParseId(quarterId, out var quarter) ? NotAQuarter(quarterId)
            : await snapshots.GetAsync(await current.GetAsync(ct), quarter.ToString(), ct) is { } record ? Results.Ok(record)
            : Results.NotFound())
            .WithSummary("The quarter record as at the lock (never changed) and its later revisions; 404 before the lock.")
            .Produces<QuarterRecordView>().Produces(StatusCodes.Status404NotFound);
        group.MapGet("/{quarterId}/compare/{otherId}", async (string quarterId, string otherId, ICurrentActor current, QuarterSnapshots snapshots, CancellationToken ct) =>
            !QuarterQueries.TryParseId(quarterId, out var from) ? NotAQuarter(quarterId)
            : !QuarterQueries.TryParseId(otherId, out var to) ? NotAQuarter(otherId)
            : await snapshots.CompareAsync(await current.GetAsync(ct), from.ToString(), to.ToString(), ct) is { } comparison ? Results.Ok(comparison)
            : Results.NotFound())
            .WithSummary("What moved from one quarter record to another and what got worse; 404 unless both quarters are locked.")
            .Produces<QuarterComparison>().Produces(StatusCodes.Status404NotFound);
        group.MapGet("/{quarterId}/pack.pdf", (string quarterId, ICurrentActor current, BoardPacks packs, CancellationToken ct) => PackAsync(quarterId, "pdf", current, packs, ct))
            .WithSummary("The Board pack issued for the quarter, as PDF: exactly what was issued at the lock; 404 before the lock.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").Produces(StatusCodes.Status404NotFound);
        group.MapGet("/{quarterId}/pack.html", (string quarterId, ICurrentActor current, BoardPacks packs, CancellationToken ct) => PackAsync(quarterId, "html", current, packs, ct))
            .WithSummary("The Board pack issued for the quarter, as HTML; 404 before the lock.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html").Produces(StatusCodes.Status404NotFound);
        var meetings = endpoints.MapGroup("/api/meetings").WithTags("Board meetings");
        meetings.MapGet("/{meetingId:guid}/pack.pdf", async (Guid meetingId, ICurrentActor current, MeetingPacks packs, CancellationToken ct) =>
            await packs.DownloadAsync(await current.GetAsync(ct), meetingId, "pdf", ct) is { } file ? Results.File(file.Content, file.ContentType, file.FileName) : Results.NotFound())
            .WithSummary("The pack issued for a Board meeting, as PDF; 404 until it is issued.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").Produces(StatusCodes.Status404NotFound);
        meetings.MapGet("/{meetingId:guid}/pack.html", async (Guid meetingId, ICurrentActor current, MeetingPacks packs, CancellationToken ct) =>
            await packs.DownloadAsync(await current.GetAsync(ct), meetingId, "html", ct) is { } file ? Results.File(file.Content, file.ContentType, file.FileName) : Results.NotFound())
            .WithSummary("The pack issued for a Board meeting, as HTML; 404 until it is issued.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html").Produces(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> PackAsync(string quarterId, string format, ICurrentActor current, BoardPacks packs, CancellationToken ct)
    {
        if (!QuarterQueries.TryParseId(quarterId, out var quarter))
        {
            return NotAQuarter(quarterId);
        }

        return await packs.DownloadAsync(await current.GetAsync(ct), quarter, format, ct) is { } file
            ? Results.File(file.Content, file.ContentType, file.FileName)
            : Results.NotFound();
    }

    private static IResult NotAQuarter(string id) =>
        Results.Problem($"'{id}' is not a financial quarter; use the form 2026-27-Q1.", statusCode: StatusCodes.Status400BadRequest);
}
