using System.Text.Json;
using SeriousViolence.Plugins.Returns;
using SeriousViolence.Strands.SeriousYouthViolence.Returns;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.SeriousYouthViolence;

/// <summary>
/// The under-20 return counts only once a lead approves it: prepared by an action owner it feeds nothing; approved, the
/// under-20 victims and accused (each the total of murder, attempted murder, GBH and weapon-enabled violence) reach
/// Performance, the SPC API and the Board; London and the Board's totals once every borough's return is approved; a
/// correction revises the observation.
/// </summary>
[Collection(SyvReturnsShared.Name)]
public sealed class Under20ReturnReviewTests(SyvReturnsHost syv)
{
    private static ReturnDefinition Definition => Under20Return.Definition;

    [Fact]
    public async Task A_return_prepared_by_an_action_owner_and_approved_by_the_lead_feeds_the_under_20_victims_and_accused_to_performance_and_the_SPC_API()
    {
        // The month before, so that the SPC chart has the two points it needs.
        await syv.ApprovedAsync(Definition, SyvReturnsHost.Under20("2024-12"));
        var prepared = (await syv.PrepareAsync(SyvReturnsHost.Owner, Definition, SyvReturnsHost.Under20("2025-01", victims: [1, 2, 5, 9], accused: [0, 1, 4, 7]))).Saved!;
        Assert.Equal((ReturnStatus.Draft, "SYV analyst"), (prepared.Status, prepared.PreparedBy));
        Assert.Empty(await syv.ObservationsAsync(Under20Return.VictimsMeasure, "2025-01"));

        var approved = (await syv.ApproveAsync(SyvReturnsHost.Lead, Definition, prepared)).Saved!;

        Assert.Equal((ReturnStatus.Approved, "DCS Violent Crime", 1), (approved.Status, approved.ApprovedBy, approved.Revision));
        await Eventually.WaitForAsync(() => syv.ObservationsAsync(Under20Return.AccusedMeasure, "2025-01"), rows => rows.Count == 1, "the accused observed");
        Assert.Equal(["E09000028|17|1"], await syv.ObservationsAsync(Under20Return.VictimsMeasure, "2025-01"));
        Assert.Equal(["E09000028|12|1"], await syv.ObservationsAsync(Under20Return.AccusedMeasure, "2025-01"));
        Assert.Equal(
            ["syv-accused-under-20|serious-youth-violence|SeriousViolence.Strands.SeriousYouthViolence", "syv-victims-under-20|serious-youth-violence|SeriousViolence.Strands.SeriousYouthViolence"],
            await syv.Db.ColumnAsync("SELECT code || '|' || owner_strand || '|' || owner_module FROM performance.measures WHERE code LIKE 'syv-%-under-20' ORDER BY code"));

        var response = await syv.Host.Client.GetAsync($"api/measures/{Under20Return.VictimsMeasure}/spc?geography={SyvReturnsHost.Southwark}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var chart = JsonDocument.Parse(body);
        // Southwark may also have December 2025 from the London test (the order of tests is not fixed).
        Assert.Subset(chart.RootElement.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("period").GetString()).ToHashSet(), new HashSet<string?> { "2024-12", "2025-01" });
        await Eventually.WaitForAsync(
            () => syv.Db.ColumnAsync($"SELECT value::int::text FROM board.measure_observations WHERE measure_code = '{Under20Return.VictimsMeasure}' AND geography = '{SyvReturnsHost.Southwark}' AND period_start = '2025-01-01'"),
            rows => rows.SequenceEqual(["17"]), "the observation on the Board");
        Assert.Equal(
            ["SYV analyst|change|serious-youth-violence", "DCS Violent Crime|change|serious-youth-violence"],
            await syv.Db.ColumnAsync($"SELECT actor_name || '|' || kind || '|' || strand_id FROM platform.audit_records WHERE entity_id = '{approved.Id}' ORDER BY seq"));
    }

    [Fact]
    public async Task Once_every_boroughs_return_for_the_month_is_approved_London_is_their_sum_and_the_Board_highlight_shows_its_totals()
    {
        // The latest month of any under-20 test in this collection, so that the highlight is about it.
        const string month = "2025-12";
        var boroughs = Definition.Geographies.Keys.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(32, boroughs.Count);
        foreach (var borough in boroughs.Skip(1))
        {
            await syv.ApprovedAsync(Definition, SyvReturnsHost.Under20(month, borough, victims: [1, 0, 1, 1], accused: [0, 0, 1, 1]));
        }

        await Eventually.WaitForAsync(() => syv.ObservationsAsync(Under20Return.VictimsMeasure, month), rows => rows.Count == 31, "31 boroughs observed");
        Assert.DoesNotContain(await syv.ObservationsAsync(Under20Return.VictimsMeasure, month), r => r.StartsWith("london|", StringComparison.Ordinal));

        await syv.ApprovedAsync(Definition, SyvReturnsHost.Under20(month, boroughs[0], victims: [0, 1, 2, 3], accused: [1, 0, 0, 4]));

        // 31 x 3 + 6 victims and 31 x 2 + 5 accused; London's revision is the sum of the boroughs'.
        var london = await Eventually.WaitForAsync(
            () => syv.Db.ColumnAsync($"SELECT measure_code || '|' || value::int || '|' || revision FROM performance.observations WHERE measure_code LIKE 'syv-%' AND geography = 'london' AND period_start = '{month}-01' ORDER BY measure_code"),
            rows => rows.Count == 2, "London observed");
        Assert.Equal(["syv-accused-under-20|67|32", "syv-victims-under-20|99|32"], london);

        var highlight = await Eventually.WaitForAsync(
            () => syv.Db.ColumnAsync("SELECT highlights::text FROM board.strand_highlights WHERE strand_id = 'serious-youth-violence' AND source = 'returns:under-20'"),
            rows => rows.Count == 1 && rows[0].Contains("32 of 32", StringComparison.Ordinal), "the highlight with the month complete");
        using var json = JsonDocument.Parse(highlight[0]);
        var card = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal("Serious youth violence return (under 20)", card.GetProperty("title").GetString());
        Assert.Equal("good", card.GetProperty("status").GetString());
        Assert.Equal(
            ["Latest month|December 2025", "Approved|32 of 32", "Victims of murder|31", "Victims of other weapon-enabled violence|34", "Accused of murder|1", "Accused of other weapon-enabled violence|35"],
            card.GetProperty("figures").EnumerateArray().Select(f => f.GetProperty("label").GetString() + "|" + f.GetProperty("value").GetString()).ToList());
        Assert.Contains("Serious youth violence return (under 20)", await syv.Host.Client.GetStringAsync("api/board/summary"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_after_approval_needs_a_reason_and_once_approved_revises_the_observation_to_revision_2()
    {
        var approved = await syv.ApprovedAsync(Definition, SyvReturnsHost.Under20("2025-03", SyvReturnsHost.Lambeth, victims: [0, 1, 3, 6]));
        await Eventually.WaitForAsync(() => syv.ObservationsAsync(Under20Return.VictimsMeasure, "2025-03"), rows => rows.SequenceEqual(["E09000022|10|1"]), "first revision observed");

        var noReason = await syv.PrepareAsync(SyvReturnsHost.Owner, Definition, SyvReturnsHost.Under20("2025-03", SyvReturnsHost.Lambeth, victims: [0, 1, 4, 6]), approved.Version);
        Assert.True(noReason.Errors.ContainsKey("Reason"));
        var correction = (await syv.PrepareAsync(SyvReturnsHost.Owner, Definition,
            SyvReturnsHost.Under20("2025-03", SyvReturnsHost.Lambeth, victims: [0, 1, 4, 6], reason: "A GBH victim's age was confirmed as 17."), approved.Version)).Saved!;
        Assert.Equal(ReturnStatus.CorrectionPending, correction.Status);
        Assert.Equal(["E09000022|10|1"], await syv.ObservationsAsync(Under20Return.VictimsMeasure, "2025-03"));

        var revised = (await syv.ApproveAsync(SyvReturnsHost.Lead, Definition, correction)).Saved!;

        Assert.Equal(2, revised.Revision);
        await Eventually.WaitForAsync(() => syv.ObservationsAsync(Under20Return.VictimsMeasure, "2025-03"), rows => rows.SequenceEqual(["E09000022|11|2"]), "the revision observed");
        Assert.Equal(["E09000022|12|2"], await syv.ObservationsAsync(Under20Return.AccusedMeasure, "2025-03"));
        Assert.Equal(
            ["1|10"],
            await syv.Db.ColumnAsync($"SELECT revision || '|' || value::int FROM performance.observation_revisions WHERE measure_code = '{Under20Return.VictimsMeasure}' AND geography = 'E09000022' AND period_start = '2025-03-01'"));
        Assert.Equal(
            ["1|", "2|A GBH victim's age was confirmed as 17."],
            await syv.Db.ColumnAsync($"SELECT revision || '|' || coalesce(reason, '') FROM strand_serious_youth_violence.monthly_return_revisions WHERE return_id = '{revised.Id}' ORDER BY revision"));
    }
}
