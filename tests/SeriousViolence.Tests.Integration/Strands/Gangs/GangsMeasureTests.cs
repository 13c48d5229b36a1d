using System.Net;
using System.Text.Json;
using SeriousViolence.Strands.GangsCriminalNetworks.Networks;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.Gangs;

/// <summary>
/// The measures the strand owns are fed from its ledger: disruptions over three months reach Performance's store (from
/// the declaring module), chart in the SPC API, and the Board shows the strand's highlight; removing a network takes
/// its disruptions out of the measures at once.
/// </summary>
[Collection(GangsHostGroup.Name)]
public sealed class GangsMeasureTests(GangsHostFixture fixture)
{
    [Fact]
    public async Task Disruptions_in_the_ledger_feed_the_strands_measures_in_the_spc_api_and_its_highlight_on_the_board_and_removal_takes_them_out()
    {
        // 2024/25, a financial year no other test uses.
        fixture.Clock.Now = new DateTimeOffset(2024, 5, 2, 9, 0, 0, TimeSpan.Zero);
        var a = await fixture.RecordSavedAsync(GangsHostFixture.Network(borough: "E09000010", scores: "4"));
        var b = await fixture.RecordSavedAsync(GangsHostFixture.Network(borough: "E09000010", scores: "3"));
        GangsHostFixture.Saved(await fixture.DisruptAsync(GangsHostFixture.Lead, a.Id, GangsHostFixture.Disruption(new DateOnly(2024, 5, 2))));
        fixture.Clock.Now = new DateTimeOffset(2024, 6, 10, 9, 0, 0, TimeSpan.Zero);
        GangsHostFixture.Saved(await fixture.DisruptAsync(GangsHostFixture.Owner, a.Id, GangsHostFixture.Disruption(new DateOnly(2024, 6, 10), "FirearmSeizure", "Moderate", firearms: "3")));
        GangsHostFixture.Saved(await fixture.DisruptAsync(GangsHostFixture.Lead, b.Id, GangsHostFixture.Disruption(new DateOnly(2024, 6, 9), "Charge", "Minor")));
        fixture.Clock.Now = new DateTimeOffset(2024, 7, 15, 9, 0, 0, TimeSpan.Zero);
        GangsHostFixture.Saved(await fixture.DisruptAsync(GangsHostFixture.Lead, a.Id, GangsHostFixture.Disruption(new DateOnly(2024, 7, 15), "Conviction")));
        // Reassessed after disruption: 20 down to 10, a harm reduction of 10 points in July.
        GangsHostFixture.Saved(await fixture.ReassessAsync(GangsHostFixture.Lead, a.Id, new AssessmentForm
        {
            AssessedOn = "2024-07-15", Status = "Disrupted", Violence = "2", Weapons = "2", Drugs = "2", Exploitation = "2", CommunityImpact = "2",
        }, a.Version));

        string[] disruptions = ["2024-05-01|1", "2024-06-01|2", "2024-07-01|1"];
        Assert.Equal(disruptions, await StoredAsync(GangsPublisher.Disruptions, disruptions));
        Assert.Equal(["2024-05-01|1", "2024-06-01|0", "2024-07-01|1"], await StoredAsync(GangsPublisher.MajorDisruptions, ["2024-05-01|1", "2024-06-01|0", "2024-07-01|1"]));
        Assert.Equal(["2024-06-01|3"], (await StoredAsync(GangsPublisher.FirearmsSeized, ["2024-05-01|0", "2024-06-01|3", "2024-07-01|0"])).Where(r => r.EndsWith("|3", StringComparison.Ordinal)));
        Assert.Contains("2024-07-01|10", await StoredAsync(GangsPublisher.HarmReduction, null));
        Assert.Equal(["2024-04-01|2"], await StoredAsync(GangsPublisher.NetworksDisrupted, ["2024-04-01|2"]));
        Assert.Equal(["SeriousViolence.Strands.GangsCriminalNetworks|172"], await fixture.Db.ColumnAsync(
            "SELECT owner_module || '|' || target_value::int FROM performance.measures WHERE code = 'criminal-networks-disrupted'"));

        using var spc = JsonDocument.Parse(await fixture.Host.Client.GetStringAsync($"api/measures/{GangsPublisher.Disruptions}/spc?geography=london"));
        var points = spc.RootElement.GetProperty("points").EnumerateArray().ToDictionary(p => p.GetProperty("period").GetString()!, p => p.GetProperty("value").GetDouble());
        Assert.Equal([1.0, 2.0, 1.0], new[] { "2024-05", "2024-06", "2024-07" }.Select(period => points.Single(p => p.Key.StartsWith(period, StringComparison.Ordinal)).Value));

        var card = await Eventually.WaitForAsync(
            async () => WebUtility.HtmlDecode(await fixture.Host.Client.GetStringAsync("board/strands/gangs-criminal-networks")),
            c => c.Contains("Networks disrupted 2024/25", StringComparison.Ordinal) && c.Contains("2 (baseline 172)", StringComparison.Ordinal),
            "the strand's highlight on its Board card");
        Assert.Contains("Criminal Networks Prioritisation Matrix", card, StringComparison.Ordinal);
        Assert.DoesNotContain(a.Reference, card, StringComparison.Ordinal);

        // Removal: b's June charge leaves the measure (and the networks disrupted fall to 1).
        var removed = await fixture.WithAsync(s => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<NetworkCommands>(s)
            .RemoveAsync(GangsHostFixture.Lead, b.Id, new RemovalForm { Reason = "Intelligence graded unreliable on review" }, b.Version, CancellationToken.None));
        Assert.NotNull(removed.Saved);
        Assert.Equal(["2024-05-01|1", "2024-06-01|1", "2024-07-01|1"], await StoredAsync(GangsPublisher.Disruptions, ["2024-05-01|1", "2024-06-01|1", "2024-07-01|1"]));
        Assert.Equal(["2024-04-01|1"], await StoredAsync(GangsPublisher.NetworksDisrupted, ["2024-04-01|1"]));
    }

    private Task<List<string>> StoredAsync(string measure, string[]? expected) =>
        Eventually.WaitForAsync(
            () => fixture.Db.ColumnAsync($"SELECT period_start || '|' || value::int FROM performance.observations WHERE measure_code = '{measure}' AND geography = 'london' AND period_start < '2025-04-01' ORDER BY period_start"),
            rows => expected is null ? rows.Count > 0 && rows.Contains("2024-07-01|10") : rows.SequenceEqual(expected),
            $"the observations of {measure} in Performance's store");
}
