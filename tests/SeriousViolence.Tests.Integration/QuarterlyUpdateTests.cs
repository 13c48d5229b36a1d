using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Plans;
using SeriousViolence.Plans.Features;
using SeriousViolence.Plans.Model;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>
/// The quarterly update: every objective updated or explicitly carried forward, submitted as one; submitted updates
/// are never edited, a correction is a new revision with its reason.
/// </summary>
public sealed class QuarterlyUpdateTests : HostedTest
{
    private static readonly Actor JigsawLead = Actor.ForStrands("jigsaw-lead", "DCS Jigsaw", "jigsaw");


    private Task<List<Objective>> JigsawAsync() =>
        WithAsync(sp => sp.GetRequiredService<PlansDbContext>().Objectives.AsNoTracking().Where(o => o.StrandId == "jigsaw").OrderBy(o => o.SeedKey).ToListAsync());

    private Task<CommandResult<QuarterlyDraft>> DraftAsync(Actor actor, Guid id, QuarterlyDraftForm form) =>
        WithAsync(sp => sp.GetRequiredService<QuarterlyCommands>().SaveDraftAsync(actor, id, form, CancellationToken.None));

    private Task<CommandResult<QuarterlySubmission>> SubmitAsync(Actor actor, string strand) =>
        WithAsync(sp => sp.GetRequiredService<QuarterlyCommands>().SubmitQuarterAsync(actor, strand, CancellationToken.None));

    private static string Quarter => FinancialQuarter.ReportedAt(DateTimeOffset.UtcNow).ToString();

    private async Task DraftAllAsync(List<Objective> objectives)
    {
        Assert.True((await DraftAsync(JigsawLead, objectives[0].Id, new QuarterlyDraftForm
        {
            Status = ObjectiveStatus.OnTrack, Rag = Rag.Green, PercentComplete = 30, Narrative = "Information-sharing protocol agreed with SCD5 and PPUs.",
            EvidenceLinks = "https://intranet.example/jigsaw/protocol-v2",
        })).Succeeded);
        Assert.True((await DraftAsync(JigsawLead, objectives[1].Id, new QuarterlyDraftForm
        {
            Status = ObjectiveStatus.AtRisk, Rag = Rag.Amber, PercentComplete = 10, Narrative = "ViSOR standards review delayed by vetting.",
        })).Succeeded);
        foreach (var o in objectives.Skip(2))
        {
            Assert.True((await DraftAsync(JigsawLead, o.Id, new QuarterlyDraftForm { CarriedForward = true })).Succeeded);
        }
    }

    [Fact]
    public async Task A_quarter_cannot_be_submitted_until_every_objective_is_updated_or_carried_forward()
    {
        var objectives = await JigsawAsync();
        await DraftAsync(JigsawLead, objectives[0].Id, new QuarterlyDraftForm { Status = ObjectiveStatus.OnTrack, Rag = Rag.Green, PercentComplete = 5, Narrative = "Work has started this quarter." });

        var result = await SubmitAsync(JigsawLead, "jigsaw");

        Assert.False(result.Succeeded);
        Assert.StartsWith($"8 of 9 objectives have no update for {Quarter}", result.Errors["Objectives"][0], StringComparison.Ordinal);
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM plans.quarterly_updates"));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM plans.quarterly_submissions"));
    }

    [Fact]
    public async Task Submitting_records_every_update_moves_the_objectives_and_tells_the_board()
    {
        var objectives = await JigsawAsync();
        await DraftAllAsync(objectives);

        var result = await SubmitAsync(JigsawLead, "jigsaw");

        Assert.True(result.Succeeded);
        Assert.Equal((Quarter, 1, 2, 7), (result.Value!.Quarter, result.Value.Revision, result.Value.ObjectivesUpdated, result.Value.ObjectivesCarriedForward));
        Assert.Equal(9L, await Db.ScalarAsync<long>($"SELECT count(*) FROM plans.quarterly_updates WHERE quarter = '{Quarter}' AND revision = 1"));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM plans.quarterly_drafts"));
        var moved = (await JigsawAsync())[0];
        Assert.Equal((ObjectiveStatus.OnTrack, Rag.Green, 30, 2L), (moved.Status, moved.Rag, moved.PercentComplete, moved.Revision));
        var carried = (await JigsawAsync())[5];
        Assert.Equal(1L, carried.Revision);
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM plans.outbox_messages WHERE message_type = 'SeriousViolence.Contracts.QuarterlyUpdateSubmitted'"));
        await Eventually.WaitForAsync(
            () => Db.ColumnAsync("SELECT quarter || ':' || objectives_updated || ':' || objectives_carried_forward FROM board.quarterly_submissions WHERE strand_id = 'jigsaw'"),
            rows => rows.Count == 1 && rows[0] == $"{Quarter}:2:7", "the submission on the Board");
        await Eventually.WaitForAsync(
            () => Db.ScalarAsync<long>("SELECT count(*) FROM board.objectives WHERE strand_id = 'jigsaw' AND status = 'AtRisk'"), c => c == 1, "the Board's counts by status");
    }

    [Fact]
    public async Task A_correction_is_a_new_revision_with_its_reason_and_the_submitted_update_is_kept()
    {
        var objectives = await JigsawAsync();
        await DraftAllAsync(objectives);
        Assert.True((await SubmitAsync(JigsawLead, "jigsaw")).Succeeded);

        var withoutReason = await WithAsync(sp => sp.GetRequiredService<QuarterlyCommands>().CorrectAsync(
            JigsawLead, objectives[0].Id, Quarter, new QuarterlyDraftForm { Status = ObjectiveStatus.OnTrack, Rag = Rag.Green, PercentComplete = 35, Narrative = "Protocol signed." }, " ", CancellationToken.None));
        var corrected = await WithAsync(sp => sp.GetRequiredService<QuarterlyCommands>().CorrectAsync(
            JigsawLead, objectives[0].Id, Quarter, new QuarterlyDraftForm { Status = ObjectiveStatus.OnTrack, Rag = Rag.Green, PercentComplete = 35, Narrative = "Protocol signed by all three parties." }, "Percent was under-reported.", CancellationToken.None));

        Assert.Equal(["Reason"], withoutReason.Errors.Keys);
        Assert.True(corrected.Succeeded);
        Assert.Equal(
            ["1:30:", "2:35:Percent was under-reported."],
            await Db.ColumnAsync($"SELECT revision || ':' || percent_complete || ':' || coalesce(correction_reason, '') FROM plans.quarterly_updates WHERE objective_id = '{objectives[0].Id}' ORDER BY revision"));
        Assert.Equal(35, (await JigsawAsync())[0].PercentComplete);
    }

    [Fact]
    public async Task An_update_without_a_rating_or_narrative_or_with_a_bad_link_is_refused()
    {
        var objectives = await JigsawAsync();

        var result = await DraftAsync(JigsawLead, objectives[0].Id, new QuarterlyDraftForm { PercentComplete = 20, Narrative = "ok", EvidenceLinks = "file:///c:/secret.docx" });

        Assert.Equal(["EvidenceLinks", "Narrative", "Rag"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM plans.quarterly_drafts"));
    }

    [Fact]
    public async Task Another_strands_lead_can_neither_draft_nor_submit()
    {
        var sapphireLead = Actor.ForStrands("sapphire-lead", "DCS Sapphire", "sapphire");
        var objectives = await JigsawAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => DraftAsync(sapphireLead, objectives[0].Id, new QuarterlyDraftForm { CarriedForward = true }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => SubmitAsync(sapphireLead, "jigsaw"));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM plans.quarterly_drafts"));
    }
}
