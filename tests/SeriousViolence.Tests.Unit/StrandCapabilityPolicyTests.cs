using SeriousViolence.Abstractions;
using Xunit;

namespace SeriousViolence.Tests.Unit;

/// <summary>Capabilities a strand declares itself are decided by the one policy, for that strand only.</summary>
public sealed class StrandCapabilityPolicyTests
{
    private const string Own = "gangs-criminal-networks";
    private const string Other = "sapphire";
    private static readonly StrandCapability RecordDisruption = new("record-disruption", "record a disruption");
    private static readonly StrandCapability ApproveReturn = new("approve-return", "approve a monthly return", LeadsOnly: true);

    public static TheoryData<Role, bool, bool> Matrix => new()
    {
        // role held for the own strand: may record a disruption, may approve a return (leads only)
        { Role.StrandLead, true, true },
        { Role.ActionOwner, true, false },
        { Role.BoardChair, false, false },
        { Role.BoardMember, false, false },
        { Role.PerformanceAnalyst, false, false },
        { Role.Administrator, false, false },
        { Role.Auditor, false, false },
        { Role.Partner, false, false },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void A_strands_own_capability_is_held_by_its_leads_and_action_owners_and_by_nobody_for_another_strand(Role role, bool mayRecord, bool mayApprove)
    {
        var actor = Actor.WithRoles("someone", role.ToString(), RoleGrant.IsStrandScoped(role) ? new RoleGrant(role, Own) : new RoleGrant(role));

        Assert.Equal(mayRecord, AccessPolicy.Allows(actor, RecordDisruption, Own));
        Assert.Equal(mayApprove, AccessPolicy.Allows(actor, ApproveReturn, Own));
        Assert.False(AccessPolicy.Allows(actor, RecordDisruption, Other));
        Assert.False(AccessPolicy.Allows(actor, ApproveReturn, Other));
    }

    [Fact]
    public void Nobody_signed_in_holds_a_strand_capability_and_the_platform_holds_all()
    {
        Assert.False(AccessPolicy.Allows(Actor.Anonymous, RecordDisruption, Own));
        Assert.True(AccessPolicy.Allows(Actor.System, ApproveReturn, Own));
    }

    [Fact]
    public void A_refusal_of_a_strand_capability_names_the_capability_who_and_the_strand()
    {
        var lead = Actor.ForStrands("lead", "DCS Sapphire", Other);

        var denied = Assert.Throws<AccessDeniedException>(() => AccessPolicy.Ensure(lead, RecordDisruption, Own));

        Assert.Same(lead, denied.Actor);
        Assert.Equal(RecordDisruption, denied.StrandCapability);
        Assert.Equal("record-disruption", denied.CapabilityName);
        Assert.Equal(Own, denied.StrandId);
        Assert.Equal("DCS Sapphire may not record a disruption for the strand 'gangs-criminal-networks'.", denied.Message);
    }
}
