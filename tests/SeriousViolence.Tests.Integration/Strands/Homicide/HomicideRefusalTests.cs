using System.Net;
using System.Net.Http.Json;
using SeriousViolence.Abstractions;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.Homicide;

/// <summary>Another strand's lead is refused each Homicide register, through the service and over HTTP: nothing written, each refusal audited once.</summary>
public sealed class HomicideRefusalTests(HomicideHostFixture fixture) : IClassFixture<HomicideHostFixture>
{
    [Fact]
    public async Task Another_strands_lead_is_refused_every_register_through_the_service_and_the_api_and_each_refusal_is_audited_with_nothing_written()
    {
        var (db, host) = (fixture.Db, fixture.Host);

        var investigation = await Assert.ThrowsAsync<AccessDeniedException>(() => HomicideHost.SaveAsync(host, HomicideHost.GbhLead, HomicideHost.Investigation("Operation Deerleap")));
        var fiu = await Assert.ThrowsAsync<AccessDeniedException>(() => HomicideHost.SaveAsync(host, HomicideHost.GbhLead, HomicideHost.Fiu()));
        var project = await Assert.ThrowsAsync<AccessDeniedException>(() => HomicideHost.SaveAsync(host, HomicideHost.GbhLead, HomicideHost.Project("Thematic group project")));
        // Recording a project is the lead's decision: Homicide's own action owner is refused it too.
        var owner = await Assert.ThrowsAsync<AccessDeniedException>(() => HomicideHost.SaveAsync(host, HomicideHost.ActionOwner, HomicideHost.Project("Thematic group project")));
        Assert.Equal("DCS GBH may not record a homicide investigation for the strand 'homicide'.", investigation.Message);
        Assert.Equal(["record-investigation", "record-fiu-request", "record-partnership-project", "record-partnership-project"],
            new[] { investigation, fiu, project, owner }.Select(d => d.CapabilityName));

        var gbh = await host.CreateUserAsync("gbh.lead@test.invalid", "DCS GBH", new RoleGrant(Role.StrandLead, "gbh"));
        using var client = host.ClientWithToken(await host.IssueTokenAsync(gbh));
        var refused = await client.PostAsJsonAsync("api/strands/homicide/investigations", new { operationName = "Operation Deerleap", openedOn = "2026-05-01", borough = HomicideHost.Croydon, status = "open" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("api/strands/homicide/investigations.csv")).StatusCode);

        foreach (var table in new[] { "investigations", "fiu_requests", "partnership_projects", "outbox_messages" })
        {
            Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) FROM strand_homicide.{table}"));
        }

        Assert.Equal(
            ["gbh-lead|record-investigation", "gbh-lead|record-fiu-request", "gbh-lead|record-partnership-project", "homicide-owner|record-partnership-project",
             $"{gbh.Id}|record-investigation", $"{gbh.Id}|record-investigation"],
            await db.ColumnAsync("SELECT actor_id || '|' || entity_id FROM platform.audit_records WHERE kind = 'access-denied' AND strand_id = 'homicide' ORDER BY seq"));
    }
}
