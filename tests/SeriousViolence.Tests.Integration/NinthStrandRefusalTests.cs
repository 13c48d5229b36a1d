using SeriousViolence.Abstractions;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>The strand's own capability is decided by the one access policy, on the server: another strand's lead is refused.</summary>
public sealed class NinthStrandRefusalTests
{
    [Fact]
    public async Task Another_strands_lead_is_refused_a_return_and_the_refusal_is_audited_with_them_as_actor()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await NinthStrandHost.StartAsync(db);

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => NinthStrandHost.RecordAsync(host, NinthStrandHost.HomicideLead, NinthStrandHost.Form()));

        Assert.Equal("record-test-return", denied.CapabilityName);
        Assert.Equal("ninth-test", denied.StrandId);
        Assert.Equal("DCS Homicide may not record a test return for the strand 'ninth-test'.", denied.Message);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM strand_ninth_test.test_returns"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM strand_ninth_test.outbox_messages"));
        Assert.Equal(
            ["homicide-lead|DCS Homicide|access-denied|record-test-return|ninth-test"],
            await db.ColumnAsync("SELECT actor_id || '|' || actor_name || '|' || kind || '|' || entity_id || '|' || strand_id FROM platform.audit_records WHERE kind = 'access-denied'"));
        // An action owner of the strand holds the capability (it is not leads-only); a Board member of no strand does not.
        Assert.True(AccessPolicy.Allows(Actor.WithRoles("owner", "Owner", new RoleGrant(Role.ActionOwner, "ninth-test")), SeriousViolence.Tests.NinthStrand.Returns.TestReturnCommands.RecordReturn, "ninth-test"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => NinthStrandHost.RecordAsync(host, Actor.WithRoles("member", "Board member", new RoleGrant(Role.BoardMember)), NinthStrandHost.Form()));
    }
}
