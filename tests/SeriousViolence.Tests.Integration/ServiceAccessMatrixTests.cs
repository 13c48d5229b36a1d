using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Performance.Importing;
using SeriousViolence.Plans;
using SeriousViolence.Plans.Features;
using SeriousViolence.Plans.Model;
using SeriousViolence.Platform.Audit;
using SeriousViolence.Security.Audit;
using SeriousViolence.Security.Users;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>
/// Every role against every command of the real services, in its own strand (Sapphire) and in another (Gangs). The
/// expected answers are written out by hand; "allowed" means the service did not refuse (it may still find the
/// input invalid).
/// </summary>
public sealed class ServiceAccessMatrixTests : HostedTest
{
    private const string Own = "sapphire";
    private const string Other = "gangs-criminal-networks";

    // Columns: add objective, edit objective, add milestone, tick milestone, save quarterly draft, submit quarter,
    // record measure values, edit operation (each own/other); list users; read audit trail; read shared items.
    public static TheoryData<Role, string> Matrix => new()
    {
        { Role.BoardChair,         "-- -- -- -- -- -- -- YY N N Y" },
        { Role.BoardMember,        "-- -- -- -- -- -- -- -- N N Y" },
        { Role.StrandLead,         "Y- Y- Y- Y- Y- Y- Y- Y- N N Y" },
        { Role.ActionOwner,        "-- -- -- Y- Y- -- -- -- N N Y" },
        { Role.PerformanceAnalyst, "-- -- -- -- -- -- YY -- N N Y" },
        { Role.Administrator,      "-- -- -- -- -- -- -- -- Y N Y" },
        { Role.Auditor,            "-- -- -- -- -- -- -- -- N Y Y" },
        { Role.Partner,            "-- -- -- -- -- -- -- -- N N Y" },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_is_allowed_or_refused_by_every_service_exactly_as_the_matrix_says(Role role, string expected)
    {
        var actor = Actor.WithRoles("someone-" + role, role.ToString(), RoleGrant.IsStrandScoped(role) ? new RoleGrant(role, Own) : new RoleGrant(role));
        var own = await FirstObjectiveAsync(Own);
        var other = await FirstObjectiveAsync(Other);
        var ownMilestone = await MilestoneAsync(own.Id);
        var otherMilestone = await MilestoneAsync(other.Id);

        var actual = string.Join(' ',
            await TwoAsync(strand => Run(sp => sp.GetRequiredService<ObjectiveCommands>().AddAsync(actor, strand, new ObjectiveForm { Text = "A new objective", Prevention = true, Year1 = true }, CancellationToken.None))),
            await TwoAsync(strand => Run(sp => sp.GetRequiredService<ObjectiveCommands>().UpdateAsync(actor, Pick(strand, own, other).Id, Pick(strand, own, other).Revision, ObjectiveForm.From(Pick(strand, own, other)), CancellationToken.None))),
            await TwoAsync(strand => Run(sp => sp.GetRequiredService<MilestoneCommands>().AddAsync(actor, Pick(strand, own, other).Id, "A milestone", null, CancellationToken.None))),
            await TwoAsync(strand => Run(sp => sp.GetRequiredService<MilestoneCommands>().SetDoneAsync(actor, Pick(strand, own, other).Id, Pick(strand, ownMilestone, otherMilestone), true, CancellationToken.None))),
            await TwoAsync(strand => Run(sp => sp.GetRequiredService<QuarterlyCommands>().SaveDraftAsync(actor, Pick(strand, own, other).Id, new QuarterlyDraftForm { CarriedForward = true }, CancellationToken.None))),
            await TwoAsync(strand => Run(sp => sp.GetRequiredService<QuarterlyCommands>().SubmitQuarterAsync(actor, strand, CancellationToken.None))),
            await TwoAsync(strand => Run(sp => sp.GetRequiredService<ImportService>().RecordAsync(actor, strand == Own ? "rape-sanction-detection-rate" : "criminal-networks-disrupted", [], CancellationToken.None))),
            await TwoAsync(strand => Run(async sp =>
            {
                var code = strand == Own ? "sapphire" : "rhine";
                var operation = await sp.GetRequiredService<PlansDbContext>().Operations.AsNoTracking().SingleAsync(o => o.Code == code);
                return await sp.GetRequiredService<OperationCommands>().UpdateAsync(actor, code, operation.Revision, OperationForm.From(operation), [Own, Other, "homicide", "gbh", "serious-youth-violence", "jigsaw", "child-abuse", "dv-hate-crime"], CancellationToken.None);
            })),
            await OneAsync(Run(sp => sp.GetRequiredService<UserAdministration>().ListAsync(actor, CancellationToken.None))),
            await OneAsync(Run(sp => sp.GetRequiredService<AuditQueries>().FindAsync(actor, new AuditFilter(), 10, CancellationToken.None))),
            await OneAsync(Run(sp => sp.GetRequiredService<PlansQueries>().SharedWithAsync(actor, CancellationToken.None))));

        Assert.Equal(expected, actual);
    }

    private static T Pick<T>(string strand, T own, T other) => strand == Own ? own : other;

    private Func<Task> Run<T>(Func<IServiceProvider, Task<T>> action) => () => WithAsync(action);

    private Func<Task> Run(Func<IServiceProvider, Task> action) => () => WithAsync(async sp =>
    {
        await action(sp);
        return 0;
    });

    private static async Task<string> OneAsync(Func<Task> attempt) => await AllowedAsync(attempt) ? "Y" : "N";

    private static async Task<string> TwoAsync(Func<string, Func<Task>> attempt) =>
        (await AllowedAsync(attempt(Own)) ? "Y" : "-") + (await AllowedAsync(attempt(Other)) ? "Y" : "-");

    private static async Task<bool> AllowedAsync(Func<Task> attempt)
    {
        try
        {
            await attempt();
            return true;
        }
        catch (AccessDeniedException)
        {
            return false;
        }
    }

    private Task<Objective> FirstObjectiveAsync(string strand) => WithAsync(sp =>
        sp.GetRequiredService<PlansDbContext>().Objectives.AsNoTracking().Where(o => o.StrandId == strand).OrderBy(o => o.SeedKey).FirstAsync());

    /// <summary>A milestone to tick, added by the platform so that every role finds one.</summary>
    private Task<Guid> MilestoneAsync(Guid objectiveId) => WithAsync(async sp =>
        (await sp.GetRequiredService<MilestoneCommands>().AddAsync(Actor.System, objectiveId, "Existing milestone", null, CancellationToken.None)).Value!.Id);
}
