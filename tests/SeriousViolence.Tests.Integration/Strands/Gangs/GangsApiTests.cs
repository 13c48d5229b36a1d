using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SeriousViolence.Abstractions;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.Gangs;

/// <summary>
/// The register and ledger through HTTP (/api/strands/gangs-criminal-networks/): the lead is answered, another strand's
/// lead is refused 403 (audited once), a Board member gets the aggregate picture but no register row, and bad or
/// hostile input is 422 by field with nothing written.
/// </summary>
[Collection(GangsHostGroup.Name)]
public sealed class GangsApiTests(GangsHostFixture fixture)
{
    private const string Api = "api/strands/gangs-criminal-networks/";

    [Fact]
    public async Task The_api_serves_the_strands_people_refuses_others_with_an_audit_record_and_refuses_bad_input_by_field_writing_nothing()
    {
        fixture.Clock.Now = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        var host = fixture.Host;
        using var lead = host.ClientWithToken(await host.IssueTokenAsync(await host.CreateUserAsync("gangs.api.lead@test.invalid", "DCS Gangs Api", new RoleGrant(Role.StrandLead, GangsHostFixture.Strand))));
        using var other = host.ClientWithToken(await host.IssueTokenAsync(await host.CreateUserAsync("homicide.api.lead@test.invalid", "DCS Homicide Api", new RoleGrant(Role.StrandLead, "homicide"))));
        using var board = host.ClientWithToken(await host.IssueTokenAsync(await host.CreateUserAsync("board.api@test.invalid", "Board Member Api", new RoleGrant(Role.BoardMember))));
        var scores = new { violence = "2", weapons = "3", drugs = "4", exploitation = "1", communityImpact = "2" };
        var body = new { type = "OrganisedCrimeGroup", boroughs = new[] { "E09000007" }, leadUnit = "SCD7", note = "", scores };

        var created = await lead.PostAsJsonAsync(Api + "networks", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var network = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(12, network.GetProperty("harmTotal").GetInt32());
        Assert.Equal(3, network.GetProperty("harmTier").GetInt32());
        var id = network.GetProperty("id").GetGuid();
        var disruption = new { occurredOn = "2026-11-20", type = "FirearmSeizure", impact = "Major", ripe = "Enforcement", firearms = "2" };
        Assert.Equal(HttpStatusCode.Created, (await lead.PostAsJsonAsync($"{Api}networks/{id}/disruptions", disruption)).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync(Api + "networks", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(Api + "picture")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await board.GetAsync(Api + "networks")).StatusCode);
        var picture = await board.GetStringAsync(Api + "picture");
        Assert.Contains("\"onMatrix\"", picture, StringComparison.Ordinal);
        Assert.DoesNotContain("CN-", picture, StringComparison.Ordinal);
        Assert.Equal(
            ["DCS Homicide Api (API token tests)|manage-criminal-networks", "DCS Homicide Api (API token tests)|view-criminal-networks-picture", "Board Member Api (API token tests)|manage-criminal-networks"],
            await fixture.Db.ColumnAsync("SELECT actor_name || '|' || entity_id FROM platform.audit_records WHERE kind = 'access-denied' AND actor_name LIKE '% Api (API token tests)' ORDER BY seq"));

        var networksBefore = await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM strand_gangs_criminal_networks.networks");
        var disruptionsBefore = await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM strand_gangs_criminal_networks.disruptions");
        await AssertInvalidAsync(lead.PostAsJsonAsync(Api + "networks", body with { scores = scores with { violence = "9", drugs = "-1" } }), "Violence", "Drugs");
        await AssertInvalidAsync(lead.PostAsJsonAsync(Api + "networks", body with { leadUnit = "SCD7\0", boroughs = new[] { "E09999999" }, type = "Person" }), "LeadUnit", "Boroughs", "NetworkType");
        await AssertInvalidAsync(lead.PostAsJsonAsync(Api + "networks", body with { note = new string('x', 10_000) }), "Note");
        await AssertInvalidAsync(lead.PostAsJsonAsync($"{Api}networks/{id}/disruptions", disruption with { occurredOn = "2026-11-21" }), "OccurredOn");
        await AssertInvalidAsync(lead.PostAsJsonAsync($"{Api}networks/{id}/disruptions", disruption with { occurredOn = "2026-11-19" }), "OccurredOn");
        await AssertInvalidAsync(lead.PostAsJsonAsync($"{Api}networks/{id}/disruptions", disruption with { firearms = "0", impact = "Huge", ripe = "None" }), "Firearms", "Impact", "Ripe");
        await AssertInvalidAsync(lead.PostAsJsonAsync(Api + "agreements", new { partner = "Lambeth Community Safety", purpose = "Problem profile", legalBasis = "Crime and Disorder Act 1998 s.115", startsOn = "2026-12-01", expiresOn = "2026-11-01" }), "ExpiresOn");
        await AssertInvalidAsync(lead.PostAsJsonAsync(Api + "exports/register", new { purpose = "  " }), "Purpose");
        Assert.Equal(networksBefore, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM strand_gangs_criminal_networks.networks"));
        Assert.Equal(disruptionsBefore, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM strand_gangs_criminal_networks.disruptions"));
        Assert.Equal(0L, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM strand_gangs_criminal_networks.sharing_agreements WHERE partner = 'Lambeth Community Safety'"));

        // A reassessment at a version read before someone else's is a conflict, not an overwrite.
        var assessment = new { assessedOn = "2026-11-20", status = "Disrupted", scores, version = 1L };
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsJsonAsync($"{Api}networks/{id}/assessments", assessment)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PostAsJsonAsync($"{Api}networks/{id}/assessments", assessment)).StatusCode);
    }

    private static async Task AssertInvalidAsync(Task<HttpResponseMessage> sending, params string[] fields)
    {
        using var response = await sending;
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var field in fields)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for {field}: {problem}");
        }
    }
}
