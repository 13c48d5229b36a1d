using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;
using SeriousViolence.Strands.GangsCriminalNetworks.Networks;
using SeriousViolence.Strands.GangsCriminalNetworks.Sharing;

namespace SeriousViolence.Strands.GangsCriminalNetworks;

/// <summary>A network as the register API gives it (the strand's lead and action owners only). The note is not included.</summary>
public sealed record NetworkDto(Guid Id, string Reference, string Type, IReadOnlyList<string> Boroughs, string LeadUnit, string Status, int HarmTotal, int HarmTier, string AssessedOn, string ReviewDue, string Marking, long Version);

public sealed record ScoresRequest(string? Violence, string? Weapons, string? Drugs, string? Exploitation, string? CommunityImpact);

public sealed record NetworkRequest(string? Type, IReadOnlyList<string>? Boroughs, string? LeadUnit, string? Note, ScoresRequest? Scores);

public sealed record AssessmentRequest(string? AssessedOn, string? Status, ScoresRequest? Scores, long Version);

public sealed record DisruptionRequest(string? OccurredOn, string? Type, string? Impact, string? Ripe, string? Firearms);

public sealed record DisruptionDto(Guid Id, Guid NetworkId, string OccurredOn, string Type, string Impact, string Ripe, int Firearms, string Marking);

public sealed record RemovalRequest(string? Reason, long Version);

public sealed record AgreementRequest(string? Partner, string? Purpose, string? LegalBasis, string? StartsOn, string? ExpiresOn, long? Version);

public sealed record AgreementDto(Guid Id, string Partner, string Purpose, string LegalBasis, string StartsOn, string ExpiresOn, long Version);

public sealed record ExportRequest(string? AgreementId, string? Purpose);

/// <summary>The aggregate picture: counts by tier, and by borough and tier; never a register row.</summary>
public sealed record PictureDto(int OnMatrix, IReadOnlyDictionary<string, int> ByTier, IReadOnlyList<BoroughTierDto> ByBoroughAndTier, IReadOnlyDictionary<string, int> DisruptionsByType, IReadOnlyDictionary<string, int> DisruptionsByImpact, int PastReview);

public sealed record BoroughTierDto(string Borough, int Tier, int Count);

/// <summary>
/// The strand's HTTP endpoints under <c>/api/strands/gangs-criminal-networks/</c>: the same commands and queries as the
/// pages, so the same checks (refusals audited, 403), the same validation (422 by field) and concurrency (409).
/// </summary>
internal static class GangsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/networks", async (ICurrentActor current, GangsQueries queries, CancellationToken ct) =>
            (await queries.RegisterAsync(await current.GetAsync(ct), ct)).Select(Dto))
            .WithName("GetCriminalNetworks").WithSummary("The register (the strand's lead and action owners only).");

        api.MapPost("/networks", async Task<Results<Created<NetworkDto>, ProblemHttpResult>> (NetworkRequest request, ICurrentActor current, NetworkCommands commands, CancellationToken ct) =>
        {
            var form = new NetworkForm { NetworkType = request.Type ?? "", Boroughs = request.Boroughs ?? [], LeadUnit = request.LeadUnit ?? "", Note = request.Note ?? "" };
            Fill(form, request.Scores);
            var result = await commands.RecordAsync(await current.GetAsync(ct), form, ct);
            return result.Saved is { } n ? TypedResults.Created($"/api/strands/gangs-criminal-networks/networks/{n.Id}", Dto(n)) : Problem(result);
        }).WithName("PostCriminalNetwork").WithSummary("Puts a network on the matrix with its first assessment: 201, or 422 by field.");

        api.MapPost("/networks/{id:guid}/assessments", async Task<Results<Ok<NetworkDto>, ProblemHttpResult>> (Guid id, AssessmentRequest request, ICurrentActor current, NetworkCommands commands, CancellationToken ct) =>
        {
            var form = new AssessmentForm { AssessedOn = request.AssessedOn ?? "", Status = request.Status ?? "" };
            Fill(form, request.Scores);
            var result = await commands.ReassessAsync(await current.GetAsync(ct), id, form, request.Version, ct);
            return result.Saved is { } n ? TypedResults.Ok(Dto(n)) : Problem(result);
        }).WithName("PostCriminalNetworkAssessment").WithSummary("Reassesses a network (a new revision): 200, 422 by field, or 409 if it changed since read.");

        api.MapPost("/networks/{id:guid}/disruptions", async Task<Results<Created<DisruptionDto>, ProblemHttpResult>> (Guid id, DisruptionRequest request, ICurrentActor current, NetworkCommands commands, CancellationToken ct) =>
        {
            var form = new DisruptionForm { OccurredOn = request.OccurredOn ?? "", DisruptionType = request.Type ?? "", Impact = request.Impact ?? "", Ripe = request.Ripe ?? "", Firearms = request.Firearms ?? "0" };
            var result = await commands.RecordDisruptionAsync(await current.GetAsync(ct), id, form, ct);
            return result.Saved is { } d ? TypedResults.Created($"/api/strands/gangs-criminal-networks/disruptions/{d.Id}", Dto(d)) : Problem(result);
        }).WithName("PostCriminalNetworkDisruption").WithSummary("Records a disruption in the ledger: 201, or 422 by field.");

        api.MapPost("/networks/{id:guid}/removal", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, RemovalRequest request, ICurrentActor current, NetworkCommands commands, CancellationToken ct) =>
        {
            var result = await commands.RemoveAsync(await current.GetAsync(ct), id, new RemovalForm { Reason = request.Reason ?? "" }, request.Version, ct);
            return result.Saved is not null ? TypedResults.NoContent() : Problem(result);
        }).WithName("PostCriminalNetworkRemoval").WithSummary("The lead removes a network from the matrix with a reason: 204, 422 or 409.");

        api.MapGet("/picture", async (ICurrentActor current, GangsQueries queries, CancellationToken ct) =>
        {
            var p = await queries.PictureAsync(await current.GetAsync(ct), ct);
            return new PictureDto(
                p.OnMatrix,
                p.ByTier.ToDictionary(t => t.Key.ToString(CultureInfo.InvariantCulture), t => t.Value),
                [.. p.ByBoroughAndTier.OrderBy(b => b.Key.Borough, StringComparer.Ordinal).ThenBy(b => b.Key.Tier).Select(b => new BoroughTierDto(b.Key.Borough, b.Key.Tier, b.Value))],
                p.DisruptionsByType.ToDictionary(t => t.Key.ToString(), t => t.Value),
                p.DisruptionsByImpact.ToDictionary(t => t.Key.ToString(), t => t.Value),
                p.PastReview);
        }).WithName("GetCriminalNetworksPicture").WithSummary("The aggregate picture (the strand's people and Board members): counts only.");

        api.MapGet("/agreements", async (ICurrentActor current, SharingCommands sharing, CancellationToken ct) =>
            (await sharing.AgreementsAsync(await current.GetAsync(ct), ct)).Select(Dto))
            .WithName("GetSharingAgreements").WithSummary("The information-sharing agreements.");

        api.MapPost("/agreements", async Task<Results<Created<AgreementDto>, ProblemHttpResult>> (AgreementRequest request, ICurrentActor current, SharingCommands sharing, CancellationToken ct) =>
        {
            var form = new AgreementForm { Partner = request.Partner ?? "", Purpose = request.Purpose ?? "", LegalBasis = request.LegalBasis ?? "", StartsOn = request.StartsOn ?? "", ExpiresOn = request.ExpiresOn ?? "" };
            var result = await sharing.RecordAgreementAsync(await current.GetAsync(ct), form, null, null, ct);
            return result.Saved is { } a ? TypedResults.Created($"/api/strands/gangs-criminal-networks/agreements/{a.Id}", Dto(a)) : Problem(result);
        }).WithName("PostSharingAgreement").WithSummary("Records an information-sharing agreement (the lead): 201, or 422 by field.");

        api.MapPost("/exports/partner", async Task<Results<ContentHttpResult, ProblemHttpResult>> (ExportRequest request, ICurrentActor current, SharingCommands sharing, CancellationToken ct) =>
        {
            var result = await sharing.PartnerExportAsync(await current.GetAsync(ct), new ExportForm { AgreementId = request.AgreementId ?? "", Purpose = request.Purpose ?? "" }, ct);
            return result.Saved is { } x ? TypedResults.Text(x.Csv, "text/csv; charset=utf-8") : Problem(result);
        }).WithName("PostPartnerExport").WithSummary("Aggregate counts for a partner under a current agreement, small numbers suppressed, watermarked: CSV, or 422.");

        api.MapPost("/exports/register", async Task<Results<ContentHttpResult, ProblemHttpResult>> (ExportRequest request, ICurrentActor current, SharingCommands sharing, CancellationToken ct) =>
        {
            var result = await sharing.RegisterExportAsync(await current.GetAsync(ct), new ExportForm { Purpose = request.Purpose ?? "" }, ct);
            return result.Saved is { } x ? TypedResults.Text(x.Csv, "text/csv; charset=utf-8") : Problem(result);
        }).WithName("PostRegisterExport").WithSummary("The register itself (the lead only), OFFICIAL-SENSITIVE, with a purpose: CSV, or 422.");
    }

    private static void Fill(ScoresForm form, ScoresRequest? scores)
    {
        form.Violence = scores?.Violence ?? "";
        form.Weapons = scores?.Weapons ?? "";
        form.Drugs = scores?.Drugs ?? "";
        form.Exploitation = scores?.Exploitation ?? "";
        form.CommunityImpact = scores?.CommunityImpact ?? "";
    }

    private static ProblemHttpResult Problem<T>(GangsResult<T> result)
        where T : class =>
        result.Conflict is not null ? StrandResults.Conflict(result.Conflict) : StrandResults.Invalid(result.Errors);

    private static NetworkDto Dto(CriminalNetwork n) => new(
        n.Id, n.Reference, n.NetworkType.ToString(), n.Boroughs, n.LeadUnit, n.Status.ToString(), n.CurrentTotal, n.CurrentTier,
        n.AssessedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), n.ReviewDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), n.Marking.Label(), n.Version);

    private static DisruptionDto Dto(Disruption d) => new(
        d.Id, d.NetworkId, d.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.DisruptionType.ToString(), d.Impact.ToString(), d.Ripe.ToString(), d.Firearms, d.Marking.Label());

    private static AgreementDto Dto(SharingAgreement a) => new(
        a.Id, a.Partner, a.Purpose, a.LegalBasis, a.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.ExpiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Version);
}
