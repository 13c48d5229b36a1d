using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Plans;
using SeriousViolence.Plans.Features;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>
/// Plans' messages about a strand's objectives name the strand's plugin as their source module (so the dispatcher
/// stops them when the plugin is removed); the strategy's content names none; a removed strand is not announced again.
/// </summary>
public sealed class PlansSourceModuleTests
{
    private const string Outbox = "plans.outbox_messages";

    [Fact]
    public async Task Every_objective_and_quarterly_update_plans_queues_names_the_strand_module_it_is_about()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        var lead = Actor.ForStrands("jigsaw-lead", "DCS Jigsaw", "jigsaw");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var commands = scope.ServiceProvider.GetRequiredService<QuarterlyCommands>();
            var objectives = await scope.ServiceProvider.GetRequiredService<PlansDbContext>().Objectives.AsNoTracking().Where(o => o.StrandId == "jigsaw").ToListAsync();
            foreach (var o in objectives)
            {
                Assert.True((await commands.SaveDraftAsync(lead, o.Id, new QuarterlyDraftForm { CarriedForward = true }, CancellationToken.None)).Succeeded);
            }

            Assert.True((await commands.SubmitQuarterAsync(lead, "jigsaw", CancellationToken.None)).Succeeded);
        }

        Assert.Equal(
            ["child-abuse SeriousViolence.Strands.ChildAbuse", "dv-hate-crime SeriousViolence.Strands.DomesticViolenceHateCrime",
             "gangs-criminal-networks SeriousViolence.Strands.GangsCriminalNetworks", "gbh SeriousViolence.Strands.GrievousBodilyHarm",
             "homicide SeriousViolence.Strands.Homicide", "jigsaw SeriousViolence.Strands.Jigsaw", "sapphire SeriousViolence.Strands.Sapphire",
             "serious-youth-violence SeriousViolence.Strands.SeriousYouthViolence"],
            await db.ColumnAsync($"SELECT DISTINCT (body::jsonb->>'strandId') || ' ' || coalesce(source_module, 'none') FROM {Outbox} WHERE message_type = 'SeriousViolence.Contracts.RipeActionUpdated' ORDER BY 1"));
        Assert.Equal(
            ["SeriousViolence.Strands.Jigsaw"],
            await db.ColumnAsync($"SELECT coalesce(source_module, 'none') FROM {Outbox} WHERE message_type = 'SeriousViolence.Contracts.QuarterlyUpdateSubmitted'"));
        Assert.Equal(
            ["none"],
            await db.ColumnAsync($"SELECT DISTINCT coalesce(source_module, 'none') FROM {Outbox} WHERE message_type = 'SeriousViolence.Contracts.StrategyAnnounced'"));
    }

    [Fact]
    public async Task A_strand_removed_from_configuration_is_not_announced_again_and_stays_withdrawn_on_the_board()
    {
        await using var db = await TestDatabase.CreateAsync();
        const string Objectives = $"SELECT count(*) FROM {Outbox} WHERE message_type = 'SeriousViolence.Contracts.RipeActionUpdated' AND body::jsonb->>'strandId' = ";
        long seededJigsaw, seededSapphire;
        await using (await TestHost.StartAsync(db.ConnectionString))
        {
            await Eventually.WaitForAsync(() => db.ScalarAsync<long>($"SELECT count(*) FROM {Outbox} WHERE dispatched_at IS NULL"), n => n == 0, "Plans' outbox dispatched");
            await Eventually.WaitForAsync(() => db.ScalarAsync<long>("SELECT count(*) FROM board.strands"), n => n == 8, "the strands announced");
            seededJigsaw = await db.ScalarAsync<long>(Objectives + "'jigsaw'");
            seededSapphire = await db.ScalarAsync<long>(Objectives + "'sapphire'");
        }

        await using var host = await TestHost.StartAsync(db.ConnectionString, strands: TestHost.StrategyStrands.Where(s => s != "SeriousViolence.Strands.Jigsaw"));

        // The restart re-announced every loaded strand's objectives, and none of the removed one's.
        Assert.Equal(2 * seededSapphire, await db.ScalarAsync<long>(Objectives + "'sapphire'"));
        Assert.Equal(seededJigsaw, await db.ScalarAsync<long>(Objectives + "'jigsaw'"));
        await Eventually.WaitForAsync(
            () => db.ScalarAsync<bool>("SELECT withdrawn FROM board.strands WHERE strand_id = 'jigsaw'"), w => w, "the removed strand withdrawn on the Board");
        Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) FROM {Outbox} WHERE dispatched_at IS NULL AND source_module = 'SeriousViolence.Strands.Jigsaw'"));
    }
}
