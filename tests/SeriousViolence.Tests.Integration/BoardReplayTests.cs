using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Board.Api;
using SeriousViolence.Board.Dashboard;
using SeriousViolence.Board.ReadModel;
using SeriousViolence.Plans;
using SeriousViolence.Plans.Features;
using SeriousViolence.Plans.Model;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>
/// The Board's read model is a function of the strands' messages: emptied and rebuilt from their re-announcement, it
/// is the picture the Board had built live, row for row and on every page.
/// </summary>
public sealed class BoardReplayTests : HostedTest
{
    private static readonly Actor JigsawLead = Actor.ForStrands("jigsaw-lead", "DCS Jigsaw", "jigsaw");
    private static readonly string[] Strands = ["jigsaw", "sapphire", "dv-hate-crime", "serious-youth-violence", "gangs-criminal-networks", "homicide", "gbh", "child-abuse"];
    private static readonly Actor Chair = Actor.WithRoles("chair", "Board chair", new RoleGrant(Role.BoardChair));

    /// <summary>Everything the Board holds, as text, leaving out only when it received each message.</summary>
    internal const string PictureSql =
        """
        SELECT coalesce(string_agg(line, E'\n' ORDER BY line), '') FROM (
          SELECT 'S|' || strand_id || '|' || number || '|' || name || '|' || operation || '|' || lead_role || '|' || aim || '|' || page_path || '|' || revision || '|' || withdrawn AS line FROM board.strands
          UNION ALL SELECT 'O|' || objective_id || '|' || strand_id || '|' || revision || '|' || ripe::text || '|' || years::text || '|' || status || '|' || coalesce(rag, '') || '|' || percent_complete || '|' || themes::text || '|' || text || '|' || coalesce(due_quarter, '') || '|' || coalesce(owner, '') || '|' || partners::text || '|' || boroughs::text FROM board.objectives
          UNION ALL SELECT 'Q|' || strand_id || '|' || quarter || '|' || revision || '|' || objectives_updated || '|' || objectives_carried_forward || '|' || submitted_by FROM board.quarterly_submissions
          UNION ALL SELECT 'U|' || objective_id || '|' || quarter || '|' || strand_id || '|' || revision || '|' || carried_forward || '|' || coalesce(rag, '') || '|' || percent_complete || '|' || narrative || '|' || submitted_by || '|' || submitted_at FROM board.objective_updates
          UNION ALL SELECT 'M|' || measure_code || '|' || revision || '|' || name || '|' || unit || '|' || polarity || '|' || frequency || '|' || coalesce(target_value::text, '') || '|' || coalesce(target_text, '') || '|' || key_outcomes::text || '|' || strand_ids::text FROM board.measures
          UNION ALL SELECT 'V|' || measure_code || '|' || geography || '|' || period_kind || '|' || period_start || '|' || value || '|' || coalesce(numerator::text, '') || '|' || coalesce(denominator::text, '') || '|' || revision FROM board.measure_observations
          UNION ALL SELECT 'G|' || revision || '|' || content::text FROM board.strategy
        ) t
        """;

    [Fact]
    public async Task Rebuilding_from_the_strands_re_announcements_gives_the_picture_the_board_had_built_live()
    {
        await MakeChangesAsync();
        await Eventually.WaitForAsync(
            () => Db.ScalarAsync<long>(
                """
                SELECT (SELECT count(*) FROM board.objective_updates) * 1000000 + (SELECT count(*) FROM board.measure_observations) * 1000
                     + (SELECT count(*) FROM board.strategy WHERE content::text LIKE '%Rebuilt-picture test%')
                """),
            n => n == 9 * 1000000 + 4 * 1000 + 1,
            "every change on the Board");
        await OutboxesDrainedAsync();
        var live = await Db.ScalarAsync<string>(PictureSql);
        var liveSummary = await SummaryAsync();
        Assert.Equal(163, live.Split('\n').Count(l => l.StartsWith("O|", StringComparison.Ordinal)));
        Assert.Equal(8, live.Split('\n').Count(l => l.StartsWith("S|", StringComparison.Ordinal)));
        Assert.Contains(live.Split('\n'), l => l.StartsWith("M|homicide-detection-rate|", StringComparison.Ordinal));
        Assert.Contains(live.Split('\n'), l => l.StartsWith("Q|jigsaw|", StringComparison.Ordinal));

        var announced = await WithAsync(sp => sp.GetRequiredService<BoardRebuild>().RebuildAsync(Chair, CancellationToken.None));

        Assert.Contains("8 strands", announced);
        var rebuilt = await Eventually.WaitForAsync(() => Db.ScalarAsync<string>(PictureSql), p => p == live, "the rebuilt picture to match the live one", TimeSpan.FromSeconds(90));
        Assert.Equal(live, rebuilt);
        Assert.Equal(liveSummary, await SummaryAsync());
    }

    [Fact]
    public async Task Only_the_board_chair_or_an_administrator_may_rebuild_or_ask_for_a_re_announcement()
    {
        var rebuild = () => WithAsync(sp => sp.GetRequiredService<BoardRebuild>().RebuildAsync(JigsawLead, CancellationToken.None));
        var reannounce = () => WithAsync(sp => sp.GetRequiredService<BoardRebuild>().ReannounceAsync(JigsawLead, CancellationToken.None));

        await Assert.ThrowsAsync<AccessDeniedException>(rebuild);
        await Assert.ThrowsAsync<AccessDeniedException>(reannounce);
        await Eventually.WaitForAsync(() => Db.ScalarAsync<long>("SELECT count(*) FROM board.objectives"), c => c == 163, "the seeded objectives");
        Assert.Equal(163L, await Db.ScalarAsync<long>("SELECT count(*) FROM board.objectives"));
    }

    private async Task MakeChangesAsync()
    {
        // A quarter submitted by Jigsaw: two objectives move, seven are carried forward.
        var jigsaw = await WithAsync(sp => sp.GetRequiredService<PlansDbContext>().Objectives.AsNoTracking().Where(o => o.StrandId == "jigsaw").OrderBy(o => o.SeedKey).ToListAsync());
        await WithAsync(async sp =>
        {
            var commands = sp.GetRequiredService<QuarterlyCommands>();
            Assert.True((await commands.SaveDraftAsync(JigsawLead, jigsaw[0].Id, new QuarterlyDraftForm
            {
                Status = ObjectiveStatus.OnTrack, Rag = Rag.Green, PercentComplete = 30, Narrative = "Protocol agreed with SCD5.",
            }, CancellationToken.None)).Succeeded);
            Assert.True((await commands.SaveDraftAsync(JigsawLead, jigsaw[1].Id, new QuarterlyDraftForm
            {
                Status = ObjectiveStatus.OffTrack, Rag = Rag.Red, PercentComplete = 5, Narrative = "Vetting backlog.",
            }, CancellationToken.None)).Succeeded);
            foreach (var o in jigsaw.Skip(2))
            {
                Assert.True((await commands.SaveDraftAsync(JigsawLead, o.Id, new QuarterlyDraftForm { CarriedForward = true }, CancellationToken.None)).Succeeded);
            }

            Assert.True((await commands.SubmitQuarterAsync(JigsawLead, "jigsaw", CancellationToken.None)).Succeeded);
            return true;
        });

        // An objective edited: owner and partners reach the Board.
        var sapphire = await WithAsync(sp => sp.GetRequiredService<PlansDbContext>().Objectives.AsNoTracking().Where(o => o.StrandId == "sapphire").OrderBy(o => o.SeedKey).FirstAsync());
        var form = ObjectiveForm.From(sapphire);
        form.Owner = "DI Example";
        form.Partners = "CPS, Havens";
        form.DueQuarter = "2025/26 Q4";
        Assert.True((await WithAsync(sp => sp.GetRequiredService<ObjectiveCommands>().UpdateAsync(Actor.System, sapphire.Id, sapphire.Revision, form, CancellationToken.None))).Succeeded);

        // The operations register changed: the strategy's announcement follows.
        var venice = await WithAsync(sp => sp.GetRequiredService<PlansDbContext>().Operations.AsNoTracking().SingleAsync(o => o.Code == "venice"));
        var op = OperationForm.From(venice);
        op.Description = "Rebuilt-picture test: " + op.Description;
        Assert.True((await WithAsync(sp => sp.GetRequiredService<OperationCommands>().UpdateAsync(Chair, "venice", venice.Revision, op, Strands, CancellationToken.None))).Succeeded);

        // Measure values from a partner system.
        using var body = new StringContent(
            """[{"period":"2024/25 Q1","geography":"london","value":87.5,"numerator":35,"denominator":40},{"period":"2024/25 Q2","geography":"london","value":80,"numerator":32,"denominator":40},{"period":"2024/25 Q1","geography":"E09000022","value":90,"numerator":9,"denominator":10},{"period":"2024/25 Q2","geography":"E09000022","value":70,"numerator":7,"denominator":10}]""",
            Encoding.UTF8, "application/json");
        (await Host.Client.PostAsync("api/measures/homicide-detection-rate/observations", body)).EnsureSuccessStatusCode();
    }

    private async Task OutboxesDrainedAsync() =>
        await Eventually.WaitForAsync(
            () => Db.ScalarAsync<long>(
                """
                SELECT (SELECT count(*) FROM platform.outbox_messages WHERE dispatched_at IS NULL) + (SELECT count(*) FROM plans.outbox_messages WHERE dispatched_at IS NULL)
                     + (SELECT count(*) FROM performance.outbox_messages WHERE dispatched_at IS NULL)
                """),
            n => n == 0,
            "every outbox drained");

    private Task<string> SummaryAsync() => WithAsync(async sp =>
    {
        var picture = await sp.GetRequiredService<BoardDashboard>().PictureAsync(Chair, CancellationToken.None);
        return JsonSerializer.Serialize(BoardApi.Summary(picture) with { AsAt = default }) + "\n" + string.Join("\n", picture.Exceptions);
    });
}
