using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Plans;
using SeriousViolence.Security.Users;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>
/// Every role against the HTTP entry points, own strand and another strand, through API tokens; refusals are 403 and
/// audited; tokens are scoped, expire and can be revoked.
/// </summary>
public sealed class ApiAccessTests : HostedTest
{
    private const string Own = "sapphire";
    private const string Other = "gangs-criminal-networks";

    private async Task<(Guid Id, long Revision)> ObjectiveAsync(string strand) => await WithAsync(async sp =>
    {
        var o = await sp.GetRequiredService<PlansDbContext>().Objectives.AsNoTracking().Where(x => x.StrandId == strand).OrderBy(x => x.SeedKey).FirstAsync();
        return (o.Id, o.Revision);
    });

    private async Task<HttpStatusCode> PatchProgressAsync(HttpClient client, string strand)
    {
        var (id, revision) = await ObjectiveAsync(strand);
        var response = await client.PatchAsJsonAsync($"api/objectives/{id}/progress", new { revision, status = "OnTrack", rag = "Green", percentComplete = 10 });
        return response.StatusCode;
    }

    public static TheoryData<Role, HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode> Expectations => new()
    {
        // role,                    read strands,        change own strand,     change other strand,   add a category mapping
        { Role.BoardChair,         HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden },
        { Role.BoardMember,        HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden },
        { Role.StrandLead,         HttpStatusCode.OK, HttpStatusCode.OK,        HttpStatusCode.Forbidden, HttpStatusCode.Forbidden },
        { Role.ActionOwner,        HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden },
        { Role.PerformanceAnalyst, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Created },
        { Role.Administrator,      HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden },
        { Role.Auditor,            HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden },
        { Role.Partner,            HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Expectations))]
    public async Task Each_role_gets_exactly_its_answers_from_the_API(Role role, HttpStatusCode read, HttpStatusCode changeOwn, HttpStatusCode changeOther, HttpStatusCode addMapping)
    {
        // Tokens never carry administrator or auditor: those people use the pages, signed in.
        var user = await Host.CreateUserAsync($"{role}@test.invalid".ToLowerInvariant(), role.ToString(), RoleGrant.IsStrandScoped(role) ? new RoleGrant(role, Own) : new RoleGrant(role));
        using var client = Host.ClientWithToken(await Host.IssueTokenAsync(user));

        Assert.Equal(read, (await client.GetAsync("api/strands")).StatusCode);
        Assert.Equal(changeOwn, await PatchProgressAsync(client, Own));
        Assert.Equal(changeOther, await PatchProgressAsync(client, Other));
        var measure = (await Db.ColumnAsync("SELECT code FROM performance.measures ORDER BY code LIMIT 1"))[0];
        var mapping = await client.PostAsJsonAsync("api/category-mappings", new { family = "recorded-crime", major = "Violence Against the Person", minor = "Test minor " + role, measureCode = measure });
        Assert.Equal(addMapping, mapping.StatusCode);

        var refusals = new[] { read, changeOwn, changeOther, addMapping }.Count(s => s == HttpStatusCode.Forbidden);
        Assert.Equal(refusals, await Db.ScalarAsync<long>($"SELECT count(*) FROM platform.audit_records WHERE kind = 'access-denied' AND actor_id = '{user.Id}'"));
    }

    [Fact]
    public async Task A_sapphire_leads_crafted_change_to_a_gangs_objective_is_refused_changes_nothing_and_is_audited()
    {
        var lead = await Host.CreateUserAsync("sapphire.lead@test.invalid", "DCS Sapphire", new RoleGrant(Role.StrandLead, Own));
        using var session = CookieSession.Open(Host);
        await session.SignInAsync(lead.Email, lead.Password);
        var (id, revision) = await ObjectiveAsync(Other);

        var response = await session.Client.PatchAsJsonAsync($"api/objectives/{id}/progress", new { revision, status = "Complete", rag = "Green", percentComplete = 100 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(revision, (await ObjectiveAsync(Other)).Revision);
        var audit = await Db.ScalarAsync<string>($"SELECT summary FROM platform.audit_records WHERE kind = 'access-denied' AND actor_id = '{lead.Id}'");
        Assert.Contains($"PATCH /api/objectives/{id}/progress", audit, StringComparison.Ordinal);
        Assert.Contains("may not change the action plan for the strand 'gangs-criminal-networks'", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_is_limited_to_its_strands_and_stops_working_when_revoked_or_expired_or_its_user_is_disabled()
    {
        var lead = await Host.CreateUserAsync("two.strands@test.invalid", "DCS Two Strands", new RoleGrant(Role.StrandLead, Own), new RoleGrant(Role.StrandLead, Other));
        var sapphireOnly = await Host.IssueTokenAsync(lead, strands: [Own]);
        using (var client = Host.ClientWithToken(sapphireOnly))
        {
            Assert.Equal(HttpStatusCode.OK, await PatchProgressAsync(client, Own));
            Assert.Equal(HttpStatusCode.Forbidden, await PatchProgressAsync(client, Other));
        }

        var tokenId = await Db.ScalarAsync<Guid>($"SELECT id FROM security.api_tokens WHERE user_id = '{lead.Id}'");
        await WithAsync(async sp =>
        {
            await sp.GetRequiredService<UserAdministration>().RevokeTokenAsync(Actor.System, tokenId, CancellationToken.None);
            return 0;
        });
        using (var client = Host.ClientWithToken(sapphireOnly))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("api/strands")).StatusCode);
        }

        var second = await Host.IssueTokenAsync(lead);
        await Db.ScalarAsync<int>($"WITH u AS (UPDATE security.api_tokens SET expires_at = now() - interval '1 minute' WHERE hash = '{SeriousViolence.Security.Tokens.ApiTokenHash.Of(second)}' RETURNING 1) SELECT count(*)::int FROM u");
        using (var client = Host.ClientWithToken(second))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("api/strands")).StatusCode);
        }

        var third = await Host.IssueTokenAsync(lead);
        await WithAsync(async sp =>
        {
            await sp.GetRequiredService<UserAdministration>().SetDisabledAsync(Actor.System, lead.Id, true, CancellationToken.None);
            return 0;
        });
        using (var client = Host.ClientWithToken(third))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("api/strands")).StatusCode);
        }

        // Only hashes are stored.
        Assert.Equal(0, await Db.ScalarAsync<long>($"SELECT count(*) FROM security.api_tokens WHERE hash IN ('{sapphireOnly}', '{second}', '{third}')"));
    }

    [Fact]
    public async Task A_token_limited_to_one_measure_may_record_that_measure_only()
    {
        var analyst = await Host.CreateUserAsync("analyst@test.invalid", "Analyst", new RoleGrant(Role.PerformanceAnalyst));
        var measures = await Db.ColumnAsync("SELECT code FROM performance.measures ORDER BY code LIMIT 2");
        using var client = Host.ClientWithToken(await Host.IssueTokenAsync(analyst, measures: [measures[0]]));
        var allowed = await client.PostAsJsonAsync($"api/measures/{measures[0]}/observations", Array.Empty<object>());
        var refused = await client.PostAsJsonAsync($"api/measures/{measures[1]}/observations", Array.Empty<object>());
        Assert.NotEqual(HttpStatusCode.Forbidden, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
