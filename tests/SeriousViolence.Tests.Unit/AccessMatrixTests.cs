using SeriousViolence.Abstractions;
using Xunit;

namespace SeriousViolence.Tests.Unit;

/// <summary>
/// The whole role x capability x own/other strand matrix, written out by hand from the issue and the brief (not
/// derived from the policy), so that a change to the policy that nobody meant shows up here.
/// </summary>
public sealed class AccessMatrixTests
{
    private const string Own = "sapphire";
    private const string Other = "gangs-criminal-networks";

    // Columns: ViewBoard, ViewShared, ManageObjectives own/other, UpdateProgress own/other, SubmitQuarter own/other,
    // RecordMeasureValues own/other, ImportData, ManageOperations (force-wide, as the Board chair holds it) then
    // own/other, Export, RebuildBoard, ManageMeetings, RunJobs, ManageUsers, ViewAudit.
    public static TheoryData<Role, string> Matrix => new()
    {
        { Role.BoardChair,         "Y Y -- -- -- -- N Y YY Y Y Y N N N" },
        { Role.BoardMember,        "Y Y -- -- -- -- N N -- Y N Y N N N" },
        { Role.StrandLead,         "Y Y Y- Y- Y- Y- N N Y- Y N N N N N" },
        { Role.ActionOwner,        "Y Y -- Y- -- -- N N -- Y N N N N N" },
        { Role.PerformanceAnalyst, "Y Y -- -- -- YY Y N -- Y N N N N N" },
        { Role.Administrator,      "Y Y -- -- -- -- N N -- Y Y N Y Y N" },
        { Role.Auditor,            "Y Y -- -- -- -- N N -- Y N N N N Y" },
        { Role.Partner,            "N Y -- -- -- -- N N -- N N N N N N" },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_role_may_do_exactly_what_the_matrix_says_in_its_own_strand_and_no_more_in_another(Role role, string expected)
    {
        var actor = Actor.WithRoles("someone", role.ToString(), RoleGrant.IsStrandScoped(role) ? new RoleGrant(role, Own) : new RoleGrant(role));
        var cells = expected.Split(' ');
        var actual = string.Join(' ',
            One(actor, Capability.ViewBoard),
            One(actor, Capability.ViewShared),
            Two(actor, Capability.ManageObjectives),
            Two(actor, Capability.UpdateProgress),
            Two(actor, Capability.SubmitQuarter),
            Two(actor, Capability.RecordMeasureValues),
            One(actor, Capability.ImportData),
            One(actor, Capability.ManageOperations),
            Two(actor, Capability.ManageOperations),
            One(actor, Capability.Export),
            One(actor, Capability.RebuildBoard),
            One(actor, Capability.ManageMeetings),
            One(actor, Capability.RunJobs),
            One(actor, Capability.ManageUsers),
            One(actor, Capability.ViewAudit));
        Assert.Equal(string.Join(' ', cells), actual);
    }

    [Fact]
    public void Nobody_signed_in_may_do_anything_and_the_platform_may_do_everything()
    {
        foreach (var capability in Enum.GetValues<Capability>())
        {
            Assert.False(AccessPolicy.Allows(Actor.Anonymous, capability, Own));
            Assert.False(AccessPolicy.Allows(Actor.Anonymous, capability));
            Assert.True(AccessPolicy.Allows(Actor.System, capability, Own));
        }
    }

    [Fact]
    public void A_refusal_names_who_what_and_which_strand()
    {
        var lead = Actor.ForStrands("lead", "DCS Sapphire", Own);
        var denied = Assert.Throws<AccessDeniedException>(() => AccessPolicy.Ensure(lead, Capability.ManageObjectives, Other));
        Assert.Equal("DCS Sapphire may not change the action plan for the strand 'gangs-criminal-networks'.", denied.Message);
        Assert.Equal(Capability.ManageObjectives, denied.Capability);
        Assert.Equal(Other, denied.StrandId);
        Assert.Same(lead, denied.Actor);
    }

    [Fact]
    public void A_token_limited_to_some_measures_may_record_only_those()
    {
        var analyst = new Actor("a", "Analyst", [new RoleGrant(Role.PerformanceAnalyst)], measureScope: new HashSet<string> { "knife-crime" });
        AccessPolicy.EnsureMayRecord(analyst, "knife-crime", []);
        Assert.Throws<AccessDeniedException>(() => AccessPolicy.EnsureMayRecord(analyst, "homicide", []));
        var lead = Actor.ForStrands("lead", "DCS Sapphire", Own);
        AccessPolicy.EnsureMayRecord(lead, "rape-sd", [Own]);
        Assert.Throws<AccessDeniedException>(() => AccessPolicy.EnsureMayRecord(lead, "gang-disruptions", [Other]));
    }

    // Y/N for a capability that is not strand-scoped.
    private static string One(Actor actor, Capability capability) => AccessPolicy.Allows(actor, capability) ? "Y" : "N";

    // Y/N/- for own strand then another strand; '-' means refused.
    private static string Two(Actor actor, Capability capability) =>
        (AccessPolicy.Allows(actor, capability, Own) ? "Y" : "-") + (AccessPolicy.Allows(actor, capability, Other) ? "Y" : "-");
}
