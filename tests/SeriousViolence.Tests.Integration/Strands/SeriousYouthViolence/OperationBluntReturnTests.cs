using System.Text.Json;
using SeriousViolence.Strands.SeriousYouthViolence.Returns;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.SeriousYouthViolence;

/// <summary>
/// Operation Blunt's activity log is a monthly return of its own: approved by the lead, the weapons recovered reach
/// Performance, the SPC API and the strand's Board card (its own highlight, beside the under-20 return's); knives are
/// among the weapons recovered, so more knives than weapons is refused beside the knives.
/// </summary>
[Collection(SyvReturnsShared.Name)]
public sealed class OperationBluntReturnTests(SyvReturnsHost syv)
{
    [Fact]
    public async Task An_approved_activity_log_feeds_weapons_recovered_to_performance_the_SPC_API_and_its_own_Board_highlight()
    {
        await syv.ApprovedAsync(OperationBluntReturn.Definition, SyvReturnsHost.Blunt("2025-09", weapons: 12, knives: 9));
        var approved = await syv.ApprovedAsync(OperationBluntReturn.Definition, SyvReturnsHost.Blunt("2025-10", weapons: 7, knives: 3));

        Assert.Equal(1, approved.Revision);
        await Eventually.WaitForAsync(() => syv.ObservationsAsync(OperationBluntReturn.WeaponsRecoveredMeasure, "2025-09"), rows => rows.Count == 1, "weapons recovered observed");
        Assert.Equal(["E09000028|12|1"], await syv.ObservationsAsync(OperationBluntReturn.WeaponsRecoveredMeasure, "2025-09"));
        await Eventually.WaitForAsync(() => syv.ObservationsAsync(OperationBluntReturn.WeaponsRecoveredMeasure, "2025-10"), rows => rows.SequenceEqual(["E09000028|7|1"]), "the second month observed");
        var response = await syv.Host.Client.GetAsync($"api/measures/{OperationBluntReturn.WeaponsRecoveredMeasure}/spc?geography={SyvReturnsHost.Southwark}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using (var chart = JsonDocument.Parse(body))
        {
            Assert.Equal(["2025-09", "2025-10"], chart.RootElement.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("period").GetString()).ToList());
        }

        var highlight = await Eventually.WaitForAsync(
            () => syv.Db.ColumnAsync("SELECT highlights::text FROM board.strand_highlights WHERE strand_id = 'serious-youth-violence' AND source = 'returns:operation-blunt'"),
            rows => rows.Count == 1 && rows[0].Contains("October 2025", StringComparison.Ordinal), "the activity log's highlight");
        using var json = JsonDocument.Parse(highlight[0]);
        var card = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal(("Knife crime activity log (Operation Blunt)", "/strands/serious-youth-violence/operation-blunt"), (card.GetProperty("title").GetString(), card.GetProperty("link").GetString()));
        Assert.Equal(
            ["Latest month|October 2025", "Approved|1 of 32"],
            card.GetProperty("figures").EnumerateArray().Select(f => f.GetProperty("label").GetString() + "|" + f.GetProperty("value").GetString()).ToList());
        // Knife-enabled crime itself stays the recorded-crime measure; the log adds no measure of it.
        Assert.Equal(["op-blunt-weapons-recovered"], OperationBluntReturn.Definition.Measures.Select(m => m.MeasureCode));
    }

    [Fact]
    public async Task More_knives_than_weapons_recovered_is_refused_beside_the_knives_and_nothing_is_written()
    {
        var result = await syv.PrepareAsync(SyvReturnsHost.Owner, OperationBluntReturn.Definition, SyvReturnsHost.Blunt("2025-08", weapons: 5, knives: 6));

        Assert.False(result.Succeeded);
        Assert.Equal(["knivesRecovered"], result.Errors.Keys);
        Assert.Equal(["Knives recovered are among the weapons recovered, so cannot be more than them."], result.Errors["knivesRecovered"]);
        Assert.Equal(0L, await syv.ReturnsAsync("2025-08", "operation-blunt"));
        Assert.True((await syv.PrepareAsync(SyvReturnsHost.Owner, OperationBluntReturn.Definition, SyvReturnsHost.Blunt("2025-08", weapons: 6, knives: 6))).Succeeded);
    }
}
