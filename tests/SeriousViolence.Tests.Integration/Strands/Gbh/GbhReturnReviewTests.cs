using SeriousViolence.Plugins.Returns;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.Gbh;

/// <summary>
/// A GBH return counts only once a lead approves it: prepared by an analyst it feeds nothing; approved, its rates reach
/// Performance (numerator and denominator kept), the SPC API and the Board. London is published only when every
/// borough's return for the month is approved. A correction needs a reason, and its approval revises the observation.
/// </summary>
[Collection(GbhReturnsShared.Name)]
public sealed class GbhReturnReviewTests(GbhReturnsHost gbh)
{
    [Fact]
    public async Task A_return_prepared_by_an_analyst_and_approved_by_the_lead_feeds_its_rates_to_performance_and_the_board()
    {
        var prepared = (await gbh.PrepareAsync(GbhReturnsHost.Owner, GbhReturnsHost.Form("2026-01"))).Saved!;
        Assert.Equal(ReturnStatus.Draft, prepared.Status);
        Assert.Equal("GBH analyst", prepared.PreparedBy);
        // Nothing counts before approval.
        Assert.Empty(await gbh.ObservationsAsync("gbh-detection-rate", "2026-01"));

        var approved = (await gbh.ApproveAsync(GbhReturnsHost.Lead, prepared)).Saved!;

        Assert.Equal(ReturnStatus.Approved, approved.Status);
        Assert.Equal(("DCS GBH", 1), (approved.ApprovedBy, approved.Revision));
        await Eventually.WaitForAsync(() => gbh.ObservationsAsync("gbh-detection-rate", "2026-01"), rows => rows.Count == 1, "the detection rate observed");
        Assert.Equal(["E09000008|25.0|10/40|1"], await gbh.ObservationsAsync("gbh-detection-rate", "2026-01"));
        Assert.Equal(["E09000008|75.0|6/8|1"], await gbh.ObservationsAsync("gbh-sop-compliance", "2026-01"));
        await Eventually.WaitForAsync(
            () => gbh.Db.ColumnAsync("SELECT value::numeric(10,1)::text FROM board.measure_observations WHERE measure_code = 'gbh-detection-rate' AND geography = 'E09000008' AND period_start = '2026-01-01'"),
            rows => rows.SequenceEqual(["25.0"]), "the observation on the Board");
        Assert.Equal(1L, await gbh.Db.ScalarAsync<long>($"SELECT count(*) FROM strand_gbh.monthly_return_revisions WHERE return_id = '{approved.Id}'"));
        // Who prepared and who approved are in the audit trail with the changes they made.
        Assert.Equal(
            ["GBH analyst|change|gbh", "DCS GBH|change|gbh"],
            await gbh.Db.ColumnAsync($"SELECT actor_name || '|' || kind || '|' || strand_id FROM platform.audit_records WHERE entity_id = '{approved.Id}' ORDER BY seq"));
    }

    [Fact]
    public async Task The_person_who_prepared_a_return_may_not_approve_it_and_a_second_lead_may()
    {
        var prepared = (await gbh.PrepareAsync(GbhReturnsHost.Lead, GbhReturnsHost.Form("2026-02"))).Saved!;

        var own = await gbh.ApproveAsync(GbhReturnsHost.Lead, prepared);
        Assert.False(own.Succeeded);
        Assert.Contains("another of the strand's leads must approve it", Assert.Single(own.Errors["Return"]), StringComparison.Ordinal);
        Assert.True((await gbh.ApproveAsync(GbhReturnsHost.SecondLead, prepared)).Succeeded);
    }

    [Fact]
    public async Task An_action_owner_may_prepare_but_never_approve()
    {
        var prepared = (await gbh.PrepareAsync(GbhReturnsHost.Lead, GbhReturnsHost.Form("2026-03"))).Saved!;

        await Assert.ThrowsAsync<SeriousViolence.Abstractions.AccessDeniedException>(() => gbh.ApproveAsync(GbhReturnsHost.Owner, prepared));

        Assert.Equal("Draft", await gbh.Db.ScalarAsync<string>($"SELECT status FROM strand_gbh.monthly_returns WHERE id = '{prepared.Id}'"));
    }

    [Fact]
    public async Task London_is_published_only_once_every_boroughs_return_for_the_month_is_approved_as_their_sums()
    {
        const string month = "2026-04";
        var boroughs = GbhReturnsHost.Definition.Geographies.Keys.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(32, boroughs.Count);
        Assert.DoesNotContain("E09000001", boroughs); // the City of London has its own police force
        foreach (var borough in boroughs.Skip(1))
        {
            await gbh.ApprovedAsync(GbhReturnsHost.Form(month, borough, offences: 10, detections: 2, reviewed: 4, compliant: 4));
        }

        await Eventually.WaitForAsync(() => gbh.ObservationsAsync("gbh-detection-rate", month), rows => rows.Count == 31, "31 boroughs observed");
        Assert.DoesNotContain(await gbh.ObservationsAsync("gbh-detection-rate", month), r => r.StartsWith("london|", StringComparison.Ordinal));

        await gbh.ApprovedAsync(GbhReturnsHost.Form(month, boroughs[0], offences: 30, detections: 18, reviewed: 4, compliant: 0));

        // 31 x 2 + 18 detections of 31 x 10 + 30 offences; London's revision is the sum of the boroughs' revisions.
        var london = await Eventually.WaitForAsync(
            () => gbh.Db.ColumnAsync($"SELECT value::numeric(10,2) || '|' || numerator::int || '/' || denominator::int || '|' || revision FROM performance.observations WHERE measure_code = 'gbh-detection-rate' AND geography = 'london' AND period_start = '{month}-01'"),
            rows => rows.Count == 1, "London observed");
        Assert.Equal(["23.53|80/340|32"], london);
        var summary = await gbh.Host.Client.GetStringAsync("api/board/summary");
        Assert.Contains("GBH return", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_after_approval_needs_a_reason_counts_only_once_approved_and_revises_the_observation_keeping_the_earlier_value()
    {
        var approved = await gbh.ApprovedAsync(GbhReturnsHost.Form("2026-05", GbhReturnsHost.Lambeth, offences: 50, detections: 10));
        await Eventually.WaitForAsync(() => gbh.ObservationsAsync("gbh-detection-rate", "2026-05"), rows => rows.Count == 1, "first revision observed");

        var noReason = await gbh.PrepareAsync(GbhReturnsHost.Owner, GbhReturnsHost.Form("2026-05", GbhReturnsHost.Lambeth, offences: 50, detections: 20), approved.Version);
        Assert.True(noReason.Errors.ContainsKey("Reason"));
        var correction = (await gbh.PrepareAsync(GbhReturnsHost.Owner, GbhReturnsHost.Form("2026-05", GbhReturnsHost.Lambeth, offences: 50, detections: 20, reason: "Ten detections were filed late on CRIS."), approved.Version)).Saved!;
        Assert.Equal(ReturnStatus.CorrectionPending, correction.Status);
        Assert.Equal(["E09000022|20.0|10/50|1"], await gbh.ObservationsAsync("gbh-detection-rate", "2026-05"));

        var revised = (await gbh.ApproveAsync(GbhReturnsHost.Lead, correction)).Saved!;

        Assert.Equal(2, revised.Revision);
        await Eventually.WaitForAsync(() => gbh.ObservationsAsync("gbh-detection-rate", "2026-05"), rows => rows.SequenceEqual(["E09000022|40.0|20/50|2"]), "the revision observed");
        Assert.Equal(
            ["1|20.0"],
            await gbh.Db.ColumnAsync("SELECT revision || '|' || value::numeric(10,1) FROM performance.observation_revisions WHERE measure_code = 'gbh-detection-rate' AND geography = 'E09000022' AND period_start = '2026-05-01'"));
        Assert.Equal(
            ["1|", "2|Ten detections were filed late on CRIS."],
            await gbh.Db.ColumnAsync($"SELECT revision || '|' || coalesce(reason, '') FROM strand_gbh.monthly_return_revisions WHERE return_id = '{revised.Id}' ORDER BY revision"));
    }

    [Fact]
    public async Task A_month_with_nothing_reviewed_has_no_compliance_observation_never_zero_or_a_hundred_percent()
    {
        await gbh.ApprovedAsync(GbhReturnsHost.Form("2026-06", offences: 12, detections: 3, reviewed: 0, compliant: 0));

        await Eventually.WaitForAsync(() => gbh.ObservationsAsync("gbh-detection-rate", "2026-06"), rows => rows.Count == 1, "the detection rate observed");
        Assert.Empty(await gbh.ObservationsAsync("gbh-sop-compliance", "2026-06"));
        Assert.Equal("no cases", ReturnAnnouncements.RateText(0, 0));
    }
}

[CollectionDefinition(Name)]
public sealed class GbhReturnsShared : ICollectionFixture<GbhReturnsHost>
{
    public const string Name = "GBH returns";
}
