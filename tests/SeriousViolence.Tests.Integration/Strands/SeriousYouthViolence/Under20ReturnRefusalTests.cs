using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SeriousViolence.Abstractions;
using SeriousViolence.Strands.SeriousYouthViolence.Returns;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.SeriousYouthViolence;

/// <summary>
/// Who may touch the under-20 return, decided on the server for the service and HTTP alike: another strand's lead is
/// refused with nothing written and the refusal audited with them as actor; an action owner prepares but never approves.
/// </summary>
[Collection(SyvReturnsShared.Name)]
public sealed class Under20ReturnRefusalTests(SyvReturnsHost syv)
{
    private const string Api = "api/strands/serious-youth-violence/returns/under-20";

    [Fact]
    public async Task Another_strands_lead_is_refused_by_the_service_nothing_is_written_and_the_refusal_is_audited()
    {
        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => syv.PrepareAsync(SyvReturnsHost.GbhLead, Under20Return.Definition, SyvReturnsHost.Under20("2025-04")));

        Assert.Equal("prepare-under-20-return", denied.CapabilityName);
        Assert.Equal(0L, await syv.ReturnsAsync("2025-04", "under-20"));
        Assert.Contains(
            "gbh-lead|prepare-under-20-return|serious-youth-violence",
            await syv.Db.ColumnAsync("SELECT actor_id || '|' || entity_id || '|' || strand_id FROM platform.audit_records WHERE kind = 'access-denied'"));
    }

    [Fact]
    public async Task Over_HTTP_the_action_owner_prepares_the_lead_approves_and_another_strands_lead_and_the_owner_may_not_approve()
    {
        var owner = await syv.Host.CreateUserAsync("syv.analyst.http@test.invalid", "SYV analyst (HTTP)", new RoleGrant(Role.ActionOwner, "serious-youth-violence"));
        var lead = await syv.Host.CreateUserAsync("syv.lead.http@test.invalid", "DCS Violent Crime (HTTP)", new RoleGrant(Role.StrandLead, "serious-youth-violence"));
        var other = await syv.Host.CreateUserAsync("gbh.lead.http@test.invalid", "DCS GBH (HTTP)", new RoleGrant(Role.StrandLead, "gbh"));
        using var ownerClient = syv.Host.ClientWithToken(await syv.Host.IssueTokenAsync(owner));
        using var leadClient = syv.Host.ClientWithToken(await syv.Host.IssueTokenAsync(lead));
        using var otherClient = syv.Host.ClientWithToken(await syv.Host.IssueTokenAsync(other));
        var figures = new Dictionary<string, string>
        {
            ["victimsMurder"] = "1", ["victimsAttemptedMurder"] = "0", ["victimsGbh"] = "3", ["victimsWeaponEnabled"] = "8",
            ["accusedMurder"] = "2", ["accusedAttemptedMurder"] = "1", ["accusedGbh"] = "2", ["accusedWeaponEnabled"] = "6",
        };
        var body = new { geography = SyvReturnsHost.Southwark, month = "2025-05", figures, marking = "OFFICIAL", reason = (string?)null, version = (long?)null };

        Assert.Equal(HttpStatusCode.Forbidden, (await otherClient.PostAsJsonAsync(Api, body)).StatusCode);
        Assert.Equal(0L, await syv.ReturnsAsync("2025-05", "under-20"));
        var created = await ownerClient.PostAsJsonAsync(Api, body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dto = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = dto.GetProperty("id").GetGuid();
        var version = dto.GetProperty("version").GetInt64();

        Assert.Equal(HttpStatusCode.Forbidden, (await ownerClient.PostAsJsonAsync($"{Api}/{id}/approve", new { version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherClient.PostAsJsonAsync($"{Api}/{id}/approve", new { version })).StatusCode);
        Assert.Equal("Draft", await syv.Db.ScalarAsync<string>($"SELECT status FROM strand_serious_youth_violence.monthly_returns WHERE id = '{id}'"));
        var approved = await leadClient.PostAsJsonAsync($"{Api}/{id}/approve", new { version });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("Approved", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        Assert.Equal(
            ["DCS GBH (HTTP) (API token tests)|prepare-under-20-return|serious-youth-violence", "DCS GBH (HTTP) (API token tests)|approve-under-20-return|serious-youth-violence"],
            await syv.Db.ColumnAsync("SELECT actor_name || '|' || entity_id || '|' || strand_id FROM platform.audit_records WHERE kind = 'access-denied' AND actor_name LIKE 'DCS GBH (HTTP)%' ORDER BY seq"));
        Assert.Contains(
            "SYV analyst (HTTP) (API token tests)|approve-under-20-return",
            await syv.Db.ColumnAsync("SELECT actor_name || '|' || entity_id FROM platform.audit_records WHERE kind = 'access-denied'"));
    }
}
