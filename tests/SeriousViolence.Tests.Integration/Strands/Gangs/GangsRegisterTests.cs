using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Strands.GangsCriminalNetworks;
using SeriousViolence.Strands.GangsCriminalNetworks.Networks;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.Gangs;

/// <summary>
/// The register through its services: the lead puts a network on the matrix (audited with the lead, the note's words
/// kept out of the audit trail), an action owner reassesses it (a new revision, the first kept) and records a
/// disruption, a stale version is refused, and another strand's lead and a Board member are refused and audited.
/// </summary>
[Collection(GangsHostGroup.Name)]
public sealed class GangsRegisterTests(GangsHostFixture fixture)
{
    [Fact]
    public async Task The_lead_and_action_owners_keep_the_register_with_history_and_audit_while_others_are_refused_and_audited()
    {
        fixture.Clock.Now = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        var network = await fixture.RecordSavedAsync(GangsHostFixture.Network(borough: "E09000006", scores: "4", note: "Supplies class A across county lines"));
        Assert.Matches("^CN-[0-9]{4}$", network.Reference);
        Assert.Equal(20, network.CurrentTotal);
        Assert.Equal(1, network.CurrentTier);
        Assert.Equal(ProtectiveMarking.OfficialSensitive, network.Marking);
        Assert.Equal(DateOnly.FromDateTime(fixture.Clock.Now.UtcDateTime).AddMonths(6), network.ReviewDue);
        Assert.Equal(
            ["gangs-lead|created|OFFICIAL-SENSITIVE"],
            await fixture.Db.ColumnAsync($"SELECT actor_id || '|' || summary || '|' || marking FROM platform.audit_records WHERE entity = 'strand_gangs_criminal_networks.networks' AND entity_id = '{network.Id}'"));
        // The note is stored, but its words are nowhere in the audit trail.
        Assert.Equal(1L, await fixture.Db.ScalarAsync<long>($"SELECT count(*) FROM strand_gangs_criminal_networks.network_notes WHERE network_id = '{network.Id}'"));
        Assert.Equal(0L, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM platform.audit_records WHERE coalesce(before::text, '') || coalesce(after::text, '') LIKE '%county lines%'"));

        var reassessed = GangsHostFixture.Saved(await fixture.ReassessAsync(GangsHostFixture.Owner, network.Id, Assessment("1", "UnderDisruption"), network.Version));
        Assert.Equal(2, reassessed.AssessmentRevision);
        Assert.Equal(4, reassessed.CurrentTier);
        Assert.Equal(["1|20|1|Active|gangs-lead", "2|5|4|UnderDisruption|gangs-owner"], await fixture.Db.ColumnAsync(
            $"SELECT a.revision || '|' || a.total || '|' || a.tier || '|' || (CASE a.status WHEN 0 THEN 'Active' ELSE 'UnderDisruption' END) || '|' || r.actor_id FROM strand_gangs_criminal_networks.assessments a " +
            $"JOIN platform.audit_records r ON r.entity_id = a.id::text WHERE a.network_id = '{network.Id}' ORDER BY a.revision"));
        var stale = await fixture.ReassessAsync(GangsHostFixture.Lead, network.Id, Assessment("5", "Active"), network.Version);
        Assert.Null(stale.Saved);
        Assert.Contains("DI Gangs Owner changed", stale.Conflict, StringComparison.Ordinal);
        GangsHostFixture.Saved(await fixture.DisruptAsync(GangsHostFixture.Owner, network.Id, GangsHostFixture.Disruption(reassessed.AssessedOn, "Charge", "Moderate")));

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => fixture.DisruptAsync(GangsHostFixture.HomicideLead, network.Id, GangsHostFixture.Disruption(reassessed.AssessedOn)));
        Assert.Equal("DCS Homicide may not read and change the criminal networks register for the strand 'gangs-criminal-networks'.", refused.Message);
        await Assert.ThrowsAsync<AccessDeniedException>(() => fixture.WithAsync(s => s.GetService<GangsQueries>()!.RegisterAsync(GangsHostFixture.BoardMember, CancellationToken.None)));
        Assert.Equal(
            ["homicide-lead|manage-criminal-networks|gangs-criminal-networks", "board-member|manage-criminal-networks|gangs-criminal-networks"],
            await fixture.Db.ColumnAsync("SELECT actor_id || '|' || entity_id || '|' || strand_id FROM platform.audit_records WHERE kind = 'access-denied' AND actor_id IN ('homicide-lead', 'board-member') AND entity_id = 'manage-criminal-networks' ORDER BY seq"));
        Assert.Equal(1L, await fixture.Db.ScalarAsync<long>($"SELECT count(*) FROM strand_gangs_criminal_networks.disruptions WHERE network_id = '{network.Id}'"));

        // A Board member sees the aggregate picture, which carries counts, never a reference.
        var picture = await fixture.WithAsync(s => s.GetService<GangsQueries>()!.PictureAsync(GangsHostFixture.BoardMember, CancellationToken.None));
        Assert.True(picture.ByBoroughAndTier.GetValueOrDefault(("E09000006", 4)) >= 1);
    }

    private static AssessmentForm Assessment(string score, string status) => new()
    {
        AssessedOn = "2026-11-20", Status = status, Violence = score, Weapons = score, Drugs = score, Exploitation = score, CommunityImpact = score,
    };
}
