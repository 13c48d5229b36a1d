using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SeriousViolence.Abstractions;
using SeriousViolence.Platform.Security;
using SeriousViolence.Board.Dashboard;

namespace SeriousViolence.Board.Api;

public sealed record BoardSummaryDto(
    DateTimeOffset AsAt, string Quarter, string ProtectiveMarking, string RollUpRule, IReadOnlyList<StrandSummaryDto> Strands, IReadOnlyList<MeasureSummaryDto> Measures);

/// <summary>One strand: objectives by status and by RAG (null RAG as "NotAssessed"), its roll-up and its highlights.</summary>
public sealed record StrandSummaryDto(
    string StrandId, int Number, string Name, string? RollUp, int Objectives, IReadOnlyDictionary<string, int> ByStatus, IReadOnlyDictionary<string, int> ByRag,
    double? OnTrackShare, int Overdue, bool SubmittedCurrentQuarter, bool SubmittedLastQuarter, IReadOnlyList<HighlightDto> Highlights);

/// <summary>A highlight as the strand published it; Status is good, concern or neutral.</summary>
public sealed record HighlightDto(string Key, string Title, IReadOnlyList<HighlightFigureDto> Figures, string Status, string? Link, string Marking);

public sealed record HighlightFigureDto(string Label, string Value);

/// <summary>One measure's latest London value and its Making Data Count icons.</summary>
public sealed record MeasureSummaryDto(
    string Code, string Name, string Unit, IReadOnlyList<int> KeyOutcomes, string? LatestPeriod, decimal? LatestValue, string? Variation, string Assurance, string? Target,
    string? Proxy);

/// <summary>The Board's read-only API and its downloads. Every call checks the actor (ViewBoard, or Export for files).</summary>
public static class BoardApi
{
    private static readonly string[] Rags = ["Red", "Amber", "Green"];

    public static void MapBoardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/board/summary", async Task<IResult> (ICurrentActor current, BoardDashboard dashboard, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            return TypedResults.Ok(Summary(await dashboard.PictureAsync(actor, ct)));
        })
        .RequireCapability(Capability.ViewBoard)
        .WithTags("Board")
        .WithName("GetBoardSummary")
        .WithSummary("Per strand the objectives by status and RAG with the roll-up and the strand's highlights; per measure its latest London value and variation and assurance icons.")
        .Produces<BoardSummaryDto>()
        .ProducesProblem(403);

        app.MapGet("/board/agenda.csv", async Task<IResult> (ICurrentActor current, BoardDashboard dashboard, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            var picture = await dashboard.PictureAsync(actor, ct);
            var csv = BoardExport.AgendaCsv(actor, picture);
            return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", $"board-agenda-{picture.AsAt:yyyy-MM-dd}.csv");
        }).RequireCapability(Capability.ViewBoard).AuditedExport("the Board's draft agenda as CSV").ExcludeFromDescription();

        var css = ReadCss();
        app.MapGet("/board/board.css", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-cache";
            return Results.Bytes(css, "text/css; charset=utf-8");
        }).ExcludeFromDescription();
    }

    public static BoardSummaryDto Summary(BoardPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        return new BoardSummaryDto(
            picture.AsAt, picture.Quarter.ToString(), BoardPicture.Marking.Label(), BoardRules.RollUpRule,
            [.. picture.Strands.Select(s =>
            {
                var objectives = picture.Objectives.Where(o => o.StrandId == s.StrandId).ToList();
                return new StrandSummaryDto(
                    s.StrandId, s.Number, s.Name, s.RollUp?.ToString(), s.Total, s.ByStatus,
                    Rags.Select(r => (r, objectives.Count(o => o.Rag == r))).Append(("NotAssessed", objectives.Count(o => o.Rag is null)))
                        .ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal),
                    s.OnTrackShare, s.Overdue, s.CurrentQuarter.Received, s.LastQuarter.Received,
                    [.. s.Highlights.Select(h => new HighlightDto(
                        h.Key, h.Title, [.. h.Figures.Select(f => new HighlightFigureDto(f.Label, f.Value))], BoardText.HighlightKey(h.Status), h.Link, h.Marking))]);
            })],
            [.. picture.Measures.Select(m => new MeasureSummaryDto(
                m.Code, m.Name, m.Unit, m.KeyOutcomes, m.LatestPeriod, m.LatestValue, m.Variation?.ToString(), m.Assurance.ToString(), m.TargetText, m.Proxy))]);
    }

    private static byte[] ReadCss()
    {
        using var stream = typeof(BoardApi).Assembly.GetManifestResourceStream("board.css")
            ?? throw new InvalidOperationException("board.css is not embedded in SeriousViolence.Board.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
