using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Plans;
using SeriousViolence.Plans.Features;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>Milestones belong to their objective: each change is a new revision of it, announced and kept in its history.</summary>
public sealed class MilestoneTests
{
    [Fact]
    public async Task Adding_ticking_and_removing_a_milestone_each_make_a_revision_of_the_objective()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        var lead = Actor.ForStrands("homicide-lead", "DCS Homicide", "homicide");
        await using var scope = host.Services.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetRequiredService<MilestoneCommands>();
        var objective = await scope.ServiceProvider.GetRequiredService<PlansDbContext>().Objectives.AsNoTracking().SingleAsync(o => o.SeedKey == "homicide-001");

        var empty = await commands.AddAsync(lead, objective.Id, " ", null, CancellationToken.None);
        var added = await commands.AddAsync(lead, objective.Id, "Witness relocation protocol signed", new DateOnly(2008, 3, 31), CancellationToken.None);
        await commands.SetDoneAsync(lead, objective.Id, added.Value!.Id, true, CancellationToken.None);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            commands.SetDoneAsync(Actor.ForStrands("gbh-lead", "DCS GBH", "gbh"), objective.Id, added.Value.Id, false, CancellationToken.None));

        Assert.Equal(["Title"], empty.Errors.Keys);
        Assert.True(await db.ScalarAsync<bool>($"SELECT done FROM plans.milestones WHERE id = '{added.Value.Id}'"));
        Assert.Equal(["1", "2", "3"], await db.ColumnAsync($"SELECT revision FROM plans.objective_history WHERE objective_id = '{objective.Id}' ORDER BY revision"));
        Assert.Contains("[x] Witness relocation protocol signed (due 2008-03-31)",
            await db.ScalarAsync<string>($"SELECT snapshot::text FROM plans.objective_history WHERE objective_id = '{objective.Id}' AND revision = 3"), StringComparison.Ordinal);

        await commands.RemoveAsync(lead, objective.Id, added.Value.Id, CancellationToken.None);
        Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) FROM plans.milestones WHERE objective_id = '{objective.Id}'"));
        Assert.Equal(4L, await db.ScalarAsync<long>($"SELECT revision FROM plans.objectives WHERE id = '{objective.Id}'"));
        Assert.Equal(3L, await db.ScalarAsync<long>(
            $"SELECT count(*) FROM plans.outbox_messages WHERE body->>'objectiveId' = '{objective.Id}' AND (body->>'revision')::int > 1"));
    }
}
