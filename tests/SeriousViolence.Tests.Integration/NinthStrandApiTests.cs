using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SeriousViolence.Abstractions;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>
/// A strand's own HTTP endpoints, mapped by the host under /api/strands/&lt;id&gt;/ from what the plugin declared: the
/// strand's lead is answered, another strand's lead is refused 403 with one audit record naming them, bad input is 422
/// by field, and the endpoints are in the OpenAPI document under the strand.
/// </summary>
public sealed class NinthStrandApiTests
{
    [Fact]
    public async Task The_strands_endpoints_answer_its_lead_refuse_another_strands_lead_once_in_the_audit_and_validate_by_field()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await NinthStrandHost.StartAsync(db);
        var lead = await host.CreateUserAsync("ninth.lead@test.invalid", "DCS Ninth Test", new RoleGrant(Role.StrandLead, "ninth-test"));
        var other = await host.CreateUserAsync("homicide.lead@test.invalid", "DCS Homicide", new RoleGrant(Role.StrandLead, "homicide"));
        using var leadClient = host.ClientWithToken(await host.IssueTokenAsync(lead));
        using var otherClient = host.ClientWithToken(await host.IssueTokenAsync(other));
        var body = new { borough = NinthStrandHost.Croydon, month = NinthStrandHost.Month, count = "7", preparedBy = "Croydon analysts", marking = "OFFICIAL", version = (long?)null };

        var created = await leadClient.PostAsJsonAsync("api/strands/ninth-test/returns", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var refused = await otherClient.PostAsJsonAsync("api/strands/ninth-test/returns", body with { count = "8" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherClient.GetAsync("api/strands/ninth-test/returns")).StatusCode);
        var invalid = await leadClient.PostAsJsonAsync("api/strands/ninth-test/returns", body with { borough = "E09999999", count = "-1" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("Borough", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("Count", out _));
        var stale = await leadClient.PostAsJsonAsync("api/strands/ninth-test/returns", body with { version = 1, count = "9" });
        Assert.Equal(HttpStatusCode.Created, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await leadClient.PostAsJsonAsync("api/strands/ninth-test/returns", body with { version = 1, count = "10" })).StatusCode);

        var list = await leadClient.GetFromJsonAsync<JsonElement>("api/strands/ninth-test/returns");
        Assert.Equal(9, list.EnumerateArray().Single().GetProperty("count").GetInt32());
        // Each refusal once, with the real actor, however many boundaries it passed through (the command and the host).
        Assert.Equal(
            ["DCS Homicide (API token tests)|record-test-return|ninth-test", "DCS Homicide (API token tests)|record-test-return|ninth-test"],
            await db.ColumnAsync("SELECT actor_name || '|' || entity_id || '|' || strand_id FROM platform.audit_records WHERE kind = 'access-denied' ORDER BY seq"));
        var openApi = await host.Client.GetStringAsync("openapi/v1.json");
        Assert.Contains("/api/strands/ninth-test/returns", openApi, StringComparison.Ordinal);
        Assert.Contains("Strand 9: Knife Crime Test Strand", openApi, StringComparison.Ordinal);
    }
}
