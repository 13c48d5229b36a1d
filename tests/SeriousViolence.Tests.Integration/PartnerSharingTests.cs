using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Plans;
using SeriousViolence.Plans.Features;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>Partners read only what a strand lead shared with their organisation, and never anything OFFICIAL-SENSITIVE.</summary>
public sealed class PartnerSharingTests : HostedTest
{
    private static readonly Actor HomicideLead = Actor.ForStrands("homicide-lead", "DCS Homicide", "homicide");

    private Task<CommandResult<SeriousViolence.Plans.Model.Objective>> ShareAsync(string seedKey, string partners, ProtectiveMarking marking = ProtectiveMarking.Official) => WithAsync(async sp =>
    {
        var o = await sp.GetRequiredService<PlansDbContext>().Objectives.AsNoTracking().SingleAsync(x => x.SeedKey == seedKey);
        var form = ObjectiveForm.From(o);
        form.SharedWith = partners;
        form.Marking = marking;
        return await sp.GetRequiredService<ObjectiveCommands>().UpdateAsync(HomicideLead, o.Id, o.Revision, form, CancellationToken.None);
    });

    [Fact]
    public async Task A_partner_sees_the_objectives_shared_with_them_and_nothing_else()
    {
        Assert.True((await ShareAsync("homicide-001", "Home Office, GLA")).Succeeded);
        Assert.True((await ShareAsync("homicide-002", "GLA")).Succeeded);
        var partner = await Host.CreateUserAsync("analyst@homeoffice.example", "Home Office analyst", new RoleGrant(Role.Partner));
        using var client = Host.ClientWithToken(await Host.IssueTokenAsync(partner));

        var shared = await client.GetFromJsonAsync<List<Dictionary<string, object>>>("api/shared/objectives");
        Assert.Equal(["homicide-001"], shared!.Select(o => o["seedKey"].ToString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("api/strands")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("api/measures")).StatusCode);

        using var session = CookieSession.Open(Host);
        await session.SignInAsync(partner.Email, partner.Password);
        var page = await session.Client.GetStringAsync("shared");
        Assert.Contains("data-key=\"homicide-001\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-key=\"homicide-002\"", page, StringComparison.Ordinal);
        var board = await session.Client.GetStringAsync("board");
        Assert.Contains("may not view the Board", board, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"key-outcomes\"", board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sensitive_objectives_cannot_be_shared_and_unknown_partners_are_named()
    {
        var sensitive = await ShareAsync("homicide-003", "Home Office", ProtectiveMarking.OfficialSensitive);
        Assert.Contains("not shared outside the force", sensitive.Errors["SharedWith"][0], StringComparison.Ordinal);
        var unknown = await ShareAsync("homicide-003", "Acme Consulting");
        Assert.Equal("'Acme Consulting' is not in the partners list.", unknown.Errors["SharedWith"][0]);
    }
}
