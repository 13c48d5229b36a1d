using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Plans;
using SeriousViolence.Plans.Features;
using SeriousViolence.Plans.Model;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>Strand leads edit their objectives: validated, never silently overwritten, checked against the actor, announced.</summary>
public sealed class ObjectiveEditingTests : HostedTest
{
    private static readonly Actor SapphireLead = Actor.ForStrands("sapphire-lead", "DCS Sapphire", "sapphire");
    private static readonly Actor OtherSapphireLead = Actor.ForStrands("sapphire-deputy", "DI Sapphire deputy", "sapphire");


    private Task<Objective> ObjectiveAsync(string seedKey) =>
        WithAsync(sp => sp.GetRequiredService<PlansDbContext>().Objectives.AsNoTracking().SingleAsync(o => o.SeedKey == seedKey));

    private Task<CommandResult<Objective>> UpdateAsync(Actor actor, Objective o, long revision, Action<ObjectiveForm> change) => WithAsync(sp =>
    {
        var form = ObjectiveForm.From(o);
        change(form);
        return sp.GetRequiredService<ObjectiveCommands>().UpdateAsync(actor, o.Id, revision, form, CancellationToken.None);
    });

    [Fact]
    public async Task An_edit_is_saved_as_the_next_revision_kept_in_history_and_announced_through_the_outbox()
    {
        var o = await ObjectiveAsync("sapphire-006");

        var result = await UpdateAsync(SapphireLead, o, o.Revision, f =>
        {
            f.Status = ObjectiveStatus.AtRisk;
            f.Rag = Rag.Amber;
            f.PercentComplete = 40;
            f.Owner = "DCI Havens liaison";
            f.DueQuarter = "2008/09 q2";
        });

        Assert.True(result.Succeeded);
        var saved = await ObjectiveAsync("sapphire-006");
        Assert.Equal((2L, ObjectiveStatus.AtRisk, Rag.Amber, 40, "DCI Havens liaison", "2008/09 Q2", "DCS Sapphire"), (saved.Revision, saved.Status, saved.Rag, saved.PercentComplete, saved.Owner, saved.DueQuarter, saved.UpdatedBy));
        Assert.Equal(["1", "2"], await Db.ColumnAsync($"SELECT revision FROM plans.objective_history WHERE objective_id = '{o.Id}' ORDER BY revision"));
        var message = await Db.ScalarAsync<string>(
            $"SELECT body::text FROM plans.outbox_messages WHERE message_type = 'SeriousViolence.Contracts.RipeActionUpdated' AND body->>'objectiveId' = '{o.Id}' AND (body->>'revision')::int = 2");
        using var json = JsonDocument.Parse(message);
        Assert.Equal("AtRisk", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("sapphire", json.RootElement.GetProperty("strandId").GetString());
        Assert.Equal(40, json.RootElement.GetProperty("percentComplete").GetInt32());
        // The Board's copy follows from the message.
        await Eventually.WaitForAsync(
            () => Db.ScalarAsync<string>($"SELECT status FROM board.objectives WHERE objective_id = '{o.Id}'"), s => s == "AtRisk", "the Board's copy at revision 2");
    }

    [Fact]
    public async Task A_second_save_from_the_same_revision_is_refused_with_what_changed_and_nothing_is_overwritten()
    {
        var opened = await ObjectiveAsync("sapphire-007");

        var first = await UpdateAsync(SapphireLead, opened, opened.Revision, f => { f.Status = ObjectiveStatus.OnTrack; f.PercentComplete = 25; });
        var second = await UpdateAsync(OtherSapphireLead, opened, opened.Revision, f => { f.Status = ObjectiveStatus.OffTrack; f.Owner = "Someone else"; });

        Assert.True(first.Succeeded);
        Assert.False(second.Succeeded);
        var conflict = Assert.IsType<EditConflict>(second.Conflict);
        Assert.Equal("DCS Sapphire", conflict.ChangedBy);
        Assert.Contains(conflict.Changes, c => c is { Field: "Status", From: "Not started", To: "On track" });
        Assert.Contains(conflict.Changes, c => c is { Field: "Percent complete", From: "0%", To: "25%" });
        Assert.Contains("DCS Sapphire changed this objective", conflict.Message, StringComparison.Ordinal);
        var stored = await ObjectiveAsync("sapphire-007");
        Assert.Equal((2L, ObjectiveStatus.OnTrack, (string?)null), (stored.Revision, stored.Status, stored.Owner));
    }

    [Fact]
    public async Task Invalid_edits_are_refused_field_by_field_and_save_nothing()
    {
        var o = await ObjectiveAsync("sapphire-008");

        var result = await UpdateAsync(SapphireLead, o, o.Revision, f =>
        {
            f.Text = "  ";
            f.Reassurance = f.Intelligence = f.Prevention = f.Enforcement = false;
            f.PercentComplete = 150;
            f.DueQuarter = "next spring";
            f.Themes = ["weather"];
        });

        Assert.False(result.Succeeded);
        Assert.Equal(["DueQuarter", "PercentComplete", "Ripe", "Text", "Themes"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("2008/09 Q2", result.Errors["DueQuarter"][0], StringComparison.Ordinal);
        Assert.Equal(1L, (await ObjectiveAsync("sapphire-008")).Revision);
    }

    [Fact]
    public async Task A_lead_cannot_change_another_strands_objective()
    {
        var gangs = await ObjectiveAsync("gangs-criminal-networks-001");

        await Assert.ThrowsAsync<AccessDeniedException>(() => UpdateAsync(SapphireLead, gangs, gangs.Revision, f => f.PercentComplete = 90));
        await Assert.ThrowsAsync<AccessDeniedException>(() => WithAsync(sp =>
            sp.GetRequiredService<ObjectiveCommands>().AddAsync(SapphireLead, "gangs-criminal-networks", new ObjectiveForm { Text = "Not mine", Enforcement = true }, CancellationToken.None)));

        Assert.Equal(1L, (await ObjectiveAsync("gangs-criminal-networks-001")).Revision);
        Assert.Equal(18L, await Db.ScalarAsync<long>("SELECT count(*) FROM plans.objectives WHERE strand_id = 'gangs-criminal-networks'"));
    }

    [Fact]
    public async Task A_lead_adds_an_objective_to_their_own_strand()
    {
        var result = await WithAsync(sp => sp.GetRequiredService<ObjectiveCommands>().AddAsync(
            SapphireLead,
            "sapphire",
            new ObjectiveForm { Text = "Open a fourth Haven in south London.", Prevention = true, Year2 = true, Partners = "NHS, LCJB", Themes = ["alcohol"], DueQuarter = "2009/10 Q1" },
            CancellationToken.None));

        Assert.True(result.Succeeded);
        var added = result.Value!;
        Assert.Equal((RipeCategory.Prevention, StrategyYears.Year2, null as string), (added.Ripe, added.Years, added.SeedKey));
        Assert.Equal(["NHS", "LCJB"], added.Partners);
        Assert.Equal(26L, await Db.ScalarAsync<long>("SELECT count(*) FROM plans.objectives WHERE strand_id = 'sapphire'"));
        await Eventually.WaitForAsync(
            () => Db.ScalarAsync<long>($"SELECT count(*) FROM board.objectives WHERE objective_id = '{added.Id}'"), c => c == 1, "the new objective on the Board");
    }
}
