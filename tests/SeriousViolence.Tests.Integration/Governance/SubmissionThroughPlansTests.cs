using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Plans;
using SeriousViolence.Plans.Features;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration.Governance;

/// <summary>
/// A lead's submission made the way the strand page makes it (Plans' commands, not a hand-made message) is credited to
/// the quarter whose window is open, so the cycle reminds only the strands that really owe it.
/// </summary>
public sealed class SubmissionThroughPlansTests
{
    [Fact]
    public async Task A_july_submission_through_the_workspace_reports_on_april_to_june_and_spares_the_strand_its_reminder()
    {
        await using var cycle = await CycleHost.StartAsync(new DateTimeOffset(2026, 6, 20, 9, 0, 0, TimeSpan.Zero));
        await cycle.RunCycleAsync();
        cycle.Clock.Now = new DateTimeOffset(2026, 7, 3, 10, 0, 0, TimeSpan.Zero);
        await cycle.RunCycleAsync();

        var lead = Actor.ForStrands("lead-jigsaw", "DCS Jigsaw", "jigsaw");
        var submitted = await cycle.WithAsync(async sp =>
        {
            var ids = await sp.GetRequiredService<PlansDbContext>().Objectives.Where(o => o.StrandId == "jigsaw").Select(o => o.Id).ToListAsync();
            var commands = sp.GetRequiredService<QuarterlyCommands>();
            foreach (var id in ids)
            {
                Assert.True((await commands.SaveDraftAsync(lead, id, new QuarterlyDraftForm { CarriedForward = true }, CancellationToken.None)).Succeeded);
            }

            return await commands.SubmitQuarterAsync(lead, "jigsaw", CancellationToken.None);
        });

        Assert.Equal("2026/27 Q1", submitted.Value!.Quarter);
        await Eventually.WaitForAsync(
            () => cycle.Db.ScalarAsync<long>("SELECT count(*) FROM governance.submissions WHERE strand_id = 'jigsaw' AND quarter = '2026/27 Q1'"),
            n => n == 1,
            "Jigsaw's submission to reach Governance as 2026/27 Q1");

        cycle.Clock.Now = new DateTimeOffset(2026, 7, 8, 10, 0, 0, TimeSpan.Zero);
        await cycle.RunCycleAsync();
        Assert.Equal(0L, await cycle.Db.ScalarAsync<long>("SELECT count(*) FROM governance.reminders WHERE quarter = '2026/27 Q1' AND strand_id = 'jigsaw'"));
        Assert.Equal(7L, await cycle.Db.ScalarAsync<long>("SELECT count(*) FROM governance.reminders WHERE quarter = '2026/27 Q1' AND offset_days = 7 AND outcome = 'sent'"));

        // At the lock the quarter record keeps each objective's update as the strand submitted it.
        cycle.Clock.Now = new DateTimeOffset(2026, 7, 30, 10, 0, 0, TimeSpan.Zero);
        await cycle.RunCycleAsync();
        var narratives = await cycle.Db.ColumnAsync(
            """
            SELECT o->'update'->>'narrative' FROM governance.quarter_snapshots s,
                   jsonb_array_elements(s.content->'strands') st, jsonb_array_elements(st->'objectives') o
            WHERE s.quarter = '2026/27 Q1' AND st->>'strandId' = 'jigsaw'
            """);
        Assert.Equal(9, narratives.Count);
        Assert.All(narratives, n => Assert.Equal("Carried forward: no change this quarter.", n));
    }
}
