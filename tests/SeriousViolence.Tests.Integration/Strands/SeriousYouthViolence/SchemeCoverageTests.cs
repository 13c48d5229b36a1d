using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Strands.SeriousYouthViolence.DiversionSchemes;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.SeriousYouthViolence;

/// <summary>The audit's point: which boroughs have an active scheme and which have none, on the API, the strand page and the Board.</summary>
public sealed class SchemeCoverageTests(SchemeHostFixture fixture) : IClassFixture<SchemeHostFixture>
{
    [Fact]
    public async Task Only_an_active_scheme_covers_a_borough_and_the_count_of_32_reaches_the_strands_card_on_the_board()
    {
        await SchemeHost.SavedAsync(fixture.Host, SchemeHost.Owner, SchemeHost.Form(name: "Croydon Youth Zone", borough: "E09000008"));
        await SchemeHost.SavedAsync(fixture.Host, SchemeHost.Owner, SchemeHost.Form(name: "Croydon Street Sports", borough: "E09000008", status: "Ended"));
        await SchemeHost.SavedAsync(fixture.Host, SchemeHost.Owner, SchemeHost.Form(name: "Newham Pathways", borough: "E09000025", status: "Planned"));

        var coverage = await fixture.Host.Client.GetFromJsonAsync<JsonElement>("api/strands/serious-youth-violence/diversion-schemes/coverage");
        Assert.Equal(32, coverage.GetProperty("boroughs").GetInt32());
        var covered = coverage.GetProperty("covered").EnumerateArray().ToDictionary(b => b.GetProperty("borough").GetString()!, b => b.GetProperty("active").GetInt32());
        var uncovered = coverage.GetProperty("uncovered").EnumerateArray().Select(b => b.GetProperty("borough").GetString()).ToList();
        Assert.Equal(1, covered["E09000008"]);
        // Planned is not yet a scheme young people can go to; the City of London is not in the audit.
        Assert.Contains("E09000025", uncovered);
        Assert.DoesNotContain("E09000001", uncovered);
        Assert.Equal(32, covered.Count + uncovered.Count);

        var all = await ListAsync();
        var expected = SchemeCoverage.Of(all);
        Assert.Equal(covered.Count, expected.Covered.Count);
        var summary = await Eventually.WaitForAsync(
            async () => (await fixture.Host.Client.GetFromJsonAsync<JsonElement>("api/board/summary")).GetProperty("strands").EnumerateArray()
                .Single(s => s.GetProperty("strandId").GetString() == "serious-youth-violence").GetProperty("highlights").EnumerateArray()
                .Where(h => h.GetProperty("title").GetString() == "Youth diversion schemes").Select(h => h.GetProperty("figures")[0].GetProperty("value").GetString()).ToList(),
            h => h.SequenceEqual([$"{expected.Covered.Count} of 32"]),
            "the register's highlight on the Board");
        Assert.Single(summary);

        var page = System.Net.WebUtility.HtmlDecode(await fixture.Host.Client.GetStringAsync("strands/serious-youth-violence"));
        Assert.Contains($"Active schemes in {expected.Covered.Count} of 32 boroughs", page, StringComparison.Ordinal);
        Assert.Contains("Newham", page[page.IndexOf("No active scheme:", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    private async Task<List<DiversionScheme>> ListAsync()
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        return [.. await scope.ServiceProvider.GetRequiredService<SchemeQueries>().ListAsync(CancellationToken.None)];
    }
}
