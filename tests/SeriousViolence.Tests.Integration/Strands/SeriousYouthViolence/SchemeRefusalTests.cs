using System.Net;
using System.Net.Http.Json;
using SeriousViolence.Abstractions;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.SeriousYouthViolence;

/// <summary>Another strand's lead is refused the register by the command and over HTTP: nothing written, each refusal audited once.</summary>
public sealed class SchemeRefusalTests(SchemeHostFixture fixture) : IClassFixture<SchemeHostFixture>
{
    [Fact]
    public async Task Another_strands_lead_is_refused_by_the_command_and_over_http_nothing_is_written_and_each_refusal_is_audited_once()
    {
        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => SchemeHost.SaveAsync(fixture.Host, SchemeHost.HomicideLead, SchemeHost.Form(name: "Refused scheme")));
        Assert.Equal("keep-diversion-schemes", denied.CapabilityName);
        Assert.Equal("DCS Homicide may not keep the youth diversion schemes register for the strand 'serious-youth-violence'.", denied.Message);

        var user = await fixture.Host.CreateUserAsync("homicide.lead.syv@test.invalid", "DCS Homicide (HTTP)", new RoleGrant(Role.StrandLead, "homicide"));
        using var client = fixture.Host.ClientWithToken(await fixture.Host.IssueTokenAsync(user));
        var refused = await client.PostAsJsonAsync("api/strands/serious-youth-violence/diversion-schemes",
            new { name = "Refused scheme", borough = SchemeHost.Lambeth, partner = "Anyone", ageFrom = "10", ageTo = "17", status = "Active", lastReviewed = "2026-11-01" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(0L, await fixture.CountAsync("name = 'Refused scheme'"));
        Assert.Equal(
            ["homicide-lead|keep-diversion-schemes|serious-youth-violence", $"{user.Id}|keep-diversion-schemes|serious-youth-violence"],
            await fixture.Db.ColumnAsync($"SELECT actor_id || '|' || entity_id || '|' || strand_id FROM platform.audit_records WHERE kind = 'access-denied' AND actor_id IN ('homicide-lead', '{user.Id}') ORDER BY seq"));
        Assert.Equal(0L, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM platform.audit_records WHERE kind = 'change' AND actor_id = 'homicide-lead'"));
    }
}
