using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;

namespace SeriousViolence.Tests.NinthStrand.Returns;

/// <summary>A return as the API gives it.</summary>
public sealed record TestReturnDto(Guid Id, string Borough, string Month, int Count, string PreparedBy, string Marking, long Version);

/// <summary>A return sent to the API: the form's fields, and the version read (null for a new return).</summary>
public sealed record TestReturnRequest(string? Borough, string? Month, string? Count, string? PreparedBy, string? Marking, long? Version);

/// <summary>The strand's HTTP endpoints, under <c>/api/strands/ninth-test/</c>: the same commands the page uses.</summary>
internal static class TestReturnsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/returns", async (ICurrentActor current, TestReturnQueries queries, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            // The returns are the strand's working records: its leads and action owners read them.
            AccessPolicy.Ensure(actor, TestReturnCommands.RecordReturn, NinthStrand.Strand.Id);
            return (await queries.ListAsync(ct)).Select(Dto);
        })
        .WithName("GetNinthTestReturns")
        .WithSummary("The test strand's monthly returns (its leads and action owners).");

        api.MapPost("/returns", async Task<Results<Created<TestReturnDto>, ProblemHttpResult>> (
            TestReturnRequest request, ICurrentActor current, TestReturnCommands commands, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            var form = new TestReturnForm
            {
                Borough = request.Borough ?? "", Month = request.Month ?? "", Count = request.Count ?? "",
                PreparedBy = request.PreparedBy ?? "", Marking = request.Marking ?? "OFFICIAL",
            };
            var result = await commands.RecordAsync(actor, form, request.Version, ct);
            if (result.Conflict is not null)
            {
                return StrandResults.Conflict(result.Conflict);
            }

            if (result.Saved is null)
            {
                return StrandResults.Invalid(result.Errors);
            }

            return TypedResults.Created($"/api/strands/ninth-test/returns/{result.Saved.Id}", Dto(result.Saved));
        })
        .WithName("PostNinthTestReturn")
        .WithSummary("Records or changes a monthly return: 201, 422 with errors by field, or 409 if it changed since read.");
    }

    private static TestReturnDto Dto(TestReturn r) =>
        new(r.Id, r.Borough, r.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), r.Count, r.PreparedBy, r.Marking.Label(), r.Version);
}
