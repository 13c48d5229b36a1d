using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SeriousViolence.Abstractions;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.Gbh;

/// <summary>
/// Who may touch a strand's return, decided on the server for the service and for HTTP alike: another strand's lead is
/// refused, nothing is written and the refusal is in the audit trail with them as actor; bad input is refused by field.
/// </summary>
[Collection(GbhReturnsShared.Name)]
public sealed class GbhReturnRefusalTests(GbhReturnsHost gbh)
{
    private async Task<long> ReturnsAsync(string month) => await gbh.Db.ScalarAsync<long>($"SELECT count(*) FROM strand_gbh.monthly_returns WHERE month = '{month}-01'");

    [Fact]
    public async Task Another_strands_lead_is_refused_by_the_service_nothing_is_written_and_the_refusal_is_audited()
    {
        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => gbh.PrepareAsync(GbhReturnsHost.HomicideLead, GbhReturnsHost.Form("2025-01")));

        Assert.Equal("prepare-gbh-return", denied.CapabilityName);
        Assert.Equal(0L, await ReturnsAsync("2025-01"));
        Assert.Contains(
            "homicide-lead|prepare-gbh-return|gbh",
            await gbh.Db.ColumnAsync("SELECT actor_id || '|' || entity_id || '|' || strand_id FROM platform.audit_records WHERE kind = 'access-denied'"));
    }

    [Fact]
    public async Task Over_HTTP_the_strands_people_prepare_and_approve_while_another_strands_lead_gets_403_audited_once()
    {
        var owner = await gbh.Host.CreateUserAsync("gbh.analyst.http@test.invalid", "GBH analyst (HTTP)", new RoleGrant(Role.ActionOwner, "gbh"));
        var lead = await gbh.Host.CreateUserAsync("gbh.lead.http@test.invalid", "DCS GBH (HTTP)", new RoleGrant(Role.StrandLead, "gbh"));
        var other = await gbh.Host.CreateUserAsync("homicide.lead.http@test.invalid", "DCS Homicide (HTTP)", new RoleGrant(Role.StrandLead, "homicide"));
        using var ownerClient = gbh.Host.ClientWithToken(await gbh.Host.IssueTokenAsync(owner));
        using var leadClient = gbh.Host.ClientWithToken(await gbh.Host.IssueTokenAsync(lead));
        using var otherClient = gbh.Host.ClientWithToken(await gbh.Host.IssueTokenAsync(other));
        var figures = new Dictionary<string, string> { ["gbhOffences"] = "20", ["gbhDetections"] = "5", ["investigationsReviewed"] = "4", ["sopCompliant"] = "4", ["actionsRaised"] = "0" };
        var body = new { geography = GbhReturnsHost.Croydon, month = "2025-02", figures, marking = "OFFICIAL", reason = (string?)null, version = (long?)null };

        Assert.Equal(HttpStatusCode.Forbidden, (await otherClient.PostAsJsonAsync("api/strands/gbh/returns/gbh", body)).StatusCode);
        Assert.Equal(0L, await ReturnsAsync("2025-02"));
        var created = await ownerClient.PostAsJsonAsync("api/strands/gbh/returns/gbh", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dto = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = dto.GetProperty("id").GetGuid();
        var version = dto.GetProperty("version").GetInt64();

        Assert.Equal(HttpStatusCode.Forbidden, (await ownerClient.PostAsJsonAsync($"api/strands/gbh/returns/gbh/{id}/approve", new { version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherClient.PostAsJsonAsync($"api/strands/gbh/returns/gbh/{id}/approve", new { version })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await leadClient.PostAsJsonAsync($"api/strands/gbh/returns/gbh/{id}/approve", new { version = version + 5 })).StatusCode);
        var approved = await leadClient.PostAsJsonAsync($"api/strands/gbh/returns/gbh/{id}/approve", new { version });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("Approved", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var again = await leadClient.PostAsJsonAsync($"api/strands/gbh/returns/gbh/{id}/approve", new { version = version + 1 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode); // a month already approved: refused with the reason
        Assert.Contains("approved already", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherClient.GetAsync("api/strands/gbh/returns/gbh")).StatusCode);

        Assert.Equal(
            ["DCS Homicide (HTTP) (API token tests)|prepare-gbh-return", "DCS Homicide (HTTP) (API token tests)|approve-gbh-return", "DCS Homicide (HTTP) (API token tests)|prepare-gbh-return"],
            await gbh.Db.ColumnAsync("SELECT actor_name || '|' || entity_id FROM platform.audit_records WHERE kind = 'access-denied' AND actor_name LIKE 'DCS Homicide (HTTP)%' ORDER BY seq"));

        var csv = await leadClient.GetAsync("api/strands/gbh/returns/gbh/csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("OFFICIAL", lines[0]);
        Assert.Equal("OFFICIAL", lines[^1]);
        Assert.Contains(lines, l => l.StartsWith("2025-02,E09000008,Croydon,approved,1,20,5,4,4,0,", StringComparison.Ordinal));
        Assert.Contains(
            "DCS GBH (HTTP) (API token tests)|export|gbh",
            await gbh.Db.ColumnAsync("SELECT actor_name || '|' || kind || '|' || strand_id FROM platform.audit_records WHERE kind = 'export'"));
    }

    public static TheoryData<string, string, string, string> Invalid => new()
    {
        // field to spoil, its value, where the message is shown, what it says
        { "gbhOffences", "-1", "gbhOffences", "A whole number" },
        { "gbhOffences", "1e3", "gbhOffences", "A whole number" },
        { "gbhOffences", "99999999999999999999", "gbhOffences", "A whole number" },
        { "gbhDetections", "41", "gbhDetections", "Detections cannot be more than the offences" },
        { "sopCompliant", "9", "sopCompliant", "Compliant investigations cannot be more than those reviewed" },
        { "actionsRaised", "", "actionsRaised", "Give the figure" },
        { "actionsRaised", "3\0", "actionsRaised", "A whole number" },
        { "unknownFigure", "1", "unknownFigure", "is not a figure of the GBH return" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task A_spoilt_figure_is_refused_beside_its_field_and_nothing_is_written(string field, string value, string shownAt, string says)
    {
        var form = GbhReturnsHost.Form("2025-03", GbhReturnsHost.Lambeth);
        form.Figures[field] = value;

        var result = await gbh.PrepareAsync(GbhReturnsHost.Owner, form);

        Assert.False(result.Succeeded);
        Assert.Contains(says, string.Join(" ", result.Errors[shownAt]), StringComparison.Ordinal);
        Assert.Equal(0L, await ReturnsAsync("2025-03"));
    }

    [Theory]
    [InlineData("2099-01", "Month", "once its month has ended")]
    [InlineData("1999-12", "Month", "Returns start in")]
    [InlineData("2025-13", "Month", "year and month")]
    [InlineData("", "Month", "year and month")]
    public async Task A_month_in_the_future_or_the_current_or_malformed_is_refused(string month, string field, string says)
    {
        var result = await gbh.PrepareAsync(GbhReturnsHost.Owner, GbhReturnsHost.Form(month, GbhReturnsHost.Lambeth));

        Assert.Contains(says, string.Join(" ", result.Errors[field]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_current_month_is_refused_because_it_has_not_ended()
    {
        var now = DateTime.UtcNow;
        var result = await gbh.PrepareAsync(GbhReturnsHost.Owner, GbhReturnsHost.Form($"{now:yyyy-MM}", GbhReturnsHost.Lambeth));

        Assert.Contains("once its month has ended", string.Join(" ", result.Errors["Month"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("E09000001")] // the City of London: its own police force, not the MPS
    [InlineData("E09999999")]
    [InlineData("london")]
    [InlineData("<script>")]
    public async Task A_borough_the_MPS_does_not_police_is_refused(string borough)
    {
        var result = await gbh.PrepareAsync(GbhReturnsHost.Owner, GbhReturnsHost.Form("2025-04", borough));

        Assert.Contains("32 boroughs", string.Join(" ", result.Errors["Geography"]), StringComparison.Ordinal);
        Assert.Equal(0L, await ReturnsAsync("2025-04"));
    }

    [Fact]
    public async Task A_second_return_for_the_same_borough_and_month_is_refused_and_a_stale_edit_is_a_conflict()
    {
        var first = (await gbh.PrepareAsync(GbhReturnsHost.Owner, GbhReturnsHost.Form("2025-05"))).Saved!;

        var duplicate = await gbh.PrepareAsync(GbhReturnsHost.Lead, GbhReturnsHost.Form("2025-05", offences: 99));
        Assert.Contains("There is already a GBH return for Croydon, May 2025", Assert.Single(duplicate.Errors["Month"]), StringComparison.Ordinal);
        Assert.True((await gbh.PrepareAsync(GbhReturnsHost.Lead, GbhReturnsHost.Form("2025-05", offences: 41), first.Version)).Succeeded);
        var stale = await gbh.PrepareAsync(GbhReturnsHost.Owner, GbhReturnsHost.Form("2025-05", offences: 42), first.Version);

        Assert.Contains("DCS GBH changed this return", stale.Conflict, StringComparison.Ordinal);
        Assert.Equal("41", await gbh.Db.ScalarAsync<string>("SELECT figures->>'gbhOffences' FROM strand_gbh.monthly_returns WHERE month = '2025-05-01'"));
    }

    [Fact]
    public async Task A_correction_reason_with_control_characters_or_too_long_is_refused()
    {
        var approved = await gbh.ApprovedAsync(GbhReturnsHost.Form("2025-06"));

        var nul = await gbh.PrepareAsync(GbhReturnsHost.Owner, GbhReturnsHost.Form("2025-06", offences: 41, reason: "late\0filing"), approved.Version);
        var huge = await gbh.PrepareAsync(GbhReturnsHost.Owner, GbhReturnsHost.Form("2025-06", offences: 41, reason: new string('x', 5000)), approved.Version);

        Assert.Contains("control characters", Assert.Single(nul.Errors["Reason"]), StringComparison.Ordinal);
        Assert.Contains("At most 500 characters", Assert.Single(huge.Errors["Reason"]), StringComparison.Ordinal);
        Assert.Equal("Approved", await gbh.Db.ScalarAsync<string>($"SELECT status FROM strand_gbh.monthly_returns WHERE id = '{approved.Id}'"));
    }
}
