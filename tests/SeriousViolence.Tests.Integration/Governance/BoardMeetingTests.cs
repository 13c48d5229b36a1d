using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Contracts;
using SeriousViolence.Governance.Meetings;
using SeriousViolence.Governance.Notifications;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration.Governance;

/// <summary>
/// Monthly Board meetings: the agenda is generated from the exceptions and the open actions arising; an action arising
/// is the strand's to update (and only that strand's), and its status returns to the next meeting's agenda.
/// </summary>
public sealed class BoardMeetingTests
{
    private static readonly Actor Chair = Actor.WithRoles("board-chair", "Commander VCD", new RoleGrant(Role.BoardChair));
    private static readonly Actor JigsawLead = Actor.ForStrands("lead-jigsaw", "DCS Jigsaw", "jigsaw");
    private static readonly Actor SapphireLead = Actor.ForStrands("lead-sapphire", "DCS Sapphire", "sapphire");

    [Fact]
    public async Task An_action_arising_goes_to_its_strand_and_its_status_returns_to_the_next_agenda()
    {
        await using var cycle = await CycleHost.StartAsync(new DateTimeOffset(2026, 6, 20, 9, 0, 0, TimeSpan.Zero));
        await cycle.RunCycleAsync();
        cycle.Clock.Now = new DateTimeOffset(2026, 7, 30, 9, 0, 0, TimeSpan.Zero);
        await cycle.SubmitAsync("jigsaw", "2026/27 Q1", new DateTimeOffset(2026, 7, 3, 9, 0, 0, TimeSpan.Zero));
        await cycle.RunCycleAsync();
        var objective = (await cycle.Db.ColumnAsync("SELECT objective_id FROM board.objectives WHERE strand_id = 'gbh' ORDER BY text LIMIT 1"))[0];
        await cycle.Host.Services.GetRequiredService<IBus>().Publish(new RipeActionUpdated
        {
            StrandId = "gbh", ObjectiveId = Guid.Parse(objective), Revision = 30, OccurredAt = cycle.Clock.Now, Ripe = ["Enforcement"], Years = [1],
            Status = "AtRisk", Rag = "Amber", PercentComplete = 35, Themes = [], Text = "Increase the GBH detection rate",
        });
        await Eventually.WaitForAsync(() => cycle.Db.ScalarAsync<long>($"SELECT revision FROM board.objectives WHERE objective_id = '{objective}'"), r => r == 30, "the Board to take the change");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Commands(cycle, c => c.CreateAsync(JigsawLead, new DateOnly(2026, 8, 5), "August Board", [], CancellationToken.None)));
        var august = await Commands(cycle, c => c.CreateAsync(Chair, new DateOnly(2026, 8, 5), "Serious Violence Strategy Board, August", ["Commander VCD", "Commander OCCN"], CancellationToken.None));
        var agenda = (await Queries(cycle, q => q.GetAsync(Chair, august.Id, CancellationToken.None)))!.Agenda;

        Assert.Contains(agenda, a => a.Kind == AgendaKinds.Exception && a.Title == "Rape and Serious Sexual Offences (Sapphire): 2026/27 Q1 update not submitted");
        Assert.DoesNotContain(agenda, a => a.Title.StartsWith("Sex Offender Management", StringComparison.Ordinal));
        var gbh = Assert.Single(agenda, a => a.StrandId == "gbh" && a.Title.Contains("objective(s) red, at risk or off track", StringComparison.Ordinal));
        Assert.Contains("Increase the GBH detection rate (AtRisk, Amber)", gbh.Detail, StringComparison.Ordinal);

        // The secretary trims the agenda and adds an item; a stale second save is refused, not merged.
        var edited = agenda.Where(a => a.StrandId is "gbh" or "sapphire").Select(a => new AgendaItemInput(a.Kind, a.Title, a.Detail, a.StrandId, a.ActionId))
            .Append(new AgendaItemInput(AgendaKinds.Other, "Knife crime summer campaign", "Verbal update from Operation Blunt.")).ToList();
        Assert.True((await Commands(cycle, c => c.SaveAgendaAsync(Chair, august.Id, 1, edited, CancellationToken.None))).Saved);
        Assert.True((await Commands(cycle, c => c.SaveAgendaAsync(Chair, august.Id, 1, edited, CancellationToken.None))).Conflict);
        Assert.Equal(edited.Select(e => e.Title), (await Queries(cycle, q => q.GetAsync(Chair, august.Id, CancellationToken.None)))!.Agenda.Select(a => a.Title));

        await Commands(cycle, c => c.RecordDecisionAsync(Chair, august.Id, "Jigsaw to present the MAPPA level 3 review in September.", CancellationToken.None));
        var action = await Commands(cycle, c => c.RaiseActionAsync(Chair, august.Id, "jigsaw", "Present the MAPPA level 3 review to the Board.", new DateOnly(2026, 9, 2), CancellationToken.None));

        var jigsawActions = await Queries(cycle, q => q.ForStrandAsync(JigsawLead, "jigsaw", CancellationToken.None));
        Assert.Equal(action.Id, Assert.Single(jigsawActions).Id);
        Assert.Empty(await Queries(cycle, q => q.ForStrandAsync(JigsawLead, "sapphire", CancellationToken.None)));
        var told = await cycle.WithAsync(sp => sp.GetRequiredService<InAppNotifications>().RecentAsync(JigsawLead, 10, CancellationToken.None));
        Assert.Contains(told, n => n.Subject == "Action arising for Sex Offender Management (Jigsaw) from the Board meeting of 5 August 2026");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Commands(cycle, c => c.UpdateActionAsync(SapphireLead, action.Id, 1, ActionStatus.Done, "Not ours.", CancellationToken.None)));
        Assert.True((await Commands(cycle, c => c.UpdateActionAsync(JigsawLead, action.Id, 1, ActionStatus.InProgress, "Review drafted with the MAPPA coordinator.", CancellationToken.None))).Saved);
        var stale = await Commands(cycle, c => c.UpdateActionAsync(JigsawLead, action.Id, 1, ActionStatus.Done, "Done.", CancellationToken.None));
        Assert.True(stale.Conflict);
        Assert.Equal(ActionStatus.InProgress, stale.Value!.Status);

        cycle.Clock.Now = new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);
        var september = await Commands(cycle, c => c.CreateAsync(Chair, new DateOnly(2026, 9, 2), "Serious Violence Strategy Board, September", ["Commander VCD"], CancellationToken.None));
        var returned = Assert.Single((await Queries(cycle, q => q.GetAsync(Chair, september.Id, CancellationToken.None)))!.Agenda, a => a.Kind == AgendaKinds.ActionArising);
        Assert.Equal(action.Id, returned.ActionId);
        Assert.Equal("Action arising (Sex Offender Management (Jigsaw), due 2 September 2026): InProgress", returned.Title);
        Assert.Contains("Progress: Review drafted with the MAPPA coordinator.", returned.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meeting_pack_is_issued_on_demand_with_its_agenda_and_kept_as_issued()
    {
        await using var cycle = await CycleHost.StartAsync(new DateTimeOffset(2026, 8, 1, 9, 0, 0, TimeSpan.Zero));
        await cycle.RunCycleAsync();
        var meeting = await Commands(cycle, c => c.CreateAsync(Chair, new DateOnly(2026, 8, 5), "Serious Violence Strategy Board, August", ["Commander VCD"], CancellationToken.None));
        await Commands(cycle, c => c.SaveAgendaAsync(Chair, meeting.Id, 1, [new AgendaItemInput(AgendaKinds.Other, "Knife crime summer campaign", "Verbal update from Operation Blunt.")], CancellationToken.None));
        var packs = (IServiceProvider sp) => sp.GetRequiredService<SeriousViolence.Governance.Packs.MeetingPacks>();
        Assert.Null(await cycle.WithAsync(sp => packs(sp).DownloadAsync(Chair, meeting.Id, "pdf", CancellationToken.None)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => cycle.WithAsync(sp => packs(sp).IssueAsync(JigsawLead, meeting.Id, CancellationToken.None)));
        Assert.Equal([meeting.Id], await cycle.WithAsync(sp => packs(sp).DueAsync(7, CancellationToken.None)));

        Assert.True(await cycle.WithAsync(sp => packs(sp).IssueAsync(Chair, meeting.Id, CancellationToken.None)));
        Assert.False(await cycle.WithAsync(sp => packs(sp).IssueAsync(Chair, meeting.Id, CancellationToken.None)));
        Assert.Empty(await cycle.WithAsync(sp => packs(sp).DueAsync(7, CancellationToken.None)));

        var response = await cycle.Host.Client.GetAsync($"api/meetings/{meeting.Id}/pack.pdf");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var pages = await BoardPackTests.PdfPagesAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.All(pages, page => Assert.Contains("OFFICIAL-SENSITIVE", page, StringComparison.Ordinal));
        var text = string.Join("\n", pages);
        Assert.Contains("Board pack: meeting of 5 August 2026", text, StringComparison.Ordinal);
        Assert.Contains("Agenda", text, StringComparison.Ordinal);
        Assert.Contains("Knife crime summer campaign", text, StringComparison.Ordinal);
        Assert.Contains("Verbal update from Operation Blunt.", text, StringComparison.Ordinal);
        Assert.Contains("Strand summaries", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bell_counts_only_my_unread_notifications()
    {
        await using var cycle = await CycleHost.StartAsync(new DateTimeOffset(2026, 6, 20, 9, 0, 0, TimeSpan.Zero));
        await cycle.RunCycleAsync();
        cycle.Clock.Now = new DateTimeOffset(2026, 7, 9, 9, 0, 0, TimeSpan.Zero);
        await cycle.RunCycleAsync();

        var bell = (IServiceProvider sp) => sp.GetRequiredService<InAppNotifications>();
        Assert.Equal(2, await cycle.WithAsync(sp => bell(sp).UnreadCountAsync(JigsawLead, CancellationToken.None)));
        var mine = await cycle.WithAsync(sp => bell(sp).RecentAsync(JigsawLead, 10, CancellationToken.None));
        var sapphire = await cycle.WithAsync(sp => bell(sp).RecentAsync(SapphireLead, 10, CancellationToken.None));

        await cycle.WithAsync(async sp => { await bell(sp).MarkReadAsync(SapphireLead, mine[0].Id, CancellationToken.None); return 0; });
        Assert.Equal(2, await cycle.WithAsync(sp => bell(sp).UnreadCountAsync(JigsawLead, CancellationToken.None)));
        await cycle.WithAsync(async sp => { await bell(sp).MarkReadAsync(JigsawLead, mine[0].Id, CancellationToken.None); return 0; });
        Assert.Equal(1, await cycle.WithAsync(sp => bell(sp).UnreadCountAsync(JigsawLead, CancellationToken.None)));
        Assert.Equal(2, sapphire.Count);
    }

    private static Task<T> Commands<T>(CycleHost cycle, Func<MeetingCommands, Task<T>> act) => cycle.WithAsync(sp => act(sp.GetRequiredService<MeetingCommands>()));

    private static Task<T> Queries<T>(CycleHost cycle, Func<MeetingQueries, Task<T>> act) => cycle.WithAsync(sp => act(sp.GetRequiredService<MeetingQueries>()));
}
