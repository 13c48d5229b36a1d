using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Strands.GangsCriminalNetworks.Networks;
using SeriousViolence.Strands.GangsCriminalNetworks.Sharing;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.Gangs;

/// <summary>
/// ICO controls 3c and 3e: only the lead exports the register itself (OFFICIAL-SENSITIVE, purpose recorded) and no
/// other page returns register rows; a lead's removal (with a reason; an action owner may not) takes a network out of
/// the register, its page, both exports and the picture from that moment.
/// </summary>
[Collection(GangsHostGroup.Name)]
public sealed class GangsRegisterExportTests(GangsHostFixture fixture)
{
    [Fact]
    public async Task Only_the_lead_exports_the_register_with_a_recorded_purpose_and_a_removed_network_leaves_every_view_and_export()
    {
        fixture.Clock.Now = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        var kept = await fixture.RecordSavedAsync(GangsHostFixture.Network(borough: "E09000012"));
        var removed = await fixture.RecordSavedAsync(GangsHostFixture.Network(borough: "E09000012", note: "To be removed"));

        await Assert.ThrowsAsync<AccessDeniedException>(() => RegisterExportAsync(GangsHostFixture.Owner, "Tasking meeting"));
        var noPurpose = await RegisterExportAsync(GangsHostFixture.Lead, "");
        Assert.True(noPurpose.Errors.ContainsKey("Purpose"));
        var export = GangsHostFixture.Saved(await RegisterExportAsync(GangsHostFixture.Lead, "Quarterly tasking and coordination group"));
        Assert.StartsWith("OFFICIAL-SENSITIVE\r\n", export.Csv, StringComparison.Ordinal);
        Assert.EndsWith("OFFICIAL-SENSITIVE\r\n", export.Csv, StringComparison.Ordinal);
        Assert.Contains("Register export by DCS Gangs for: Quarterly tasking and coordination group", export.Csv, StringComparison.Ordinal);
        Assert.Contains(removed.Reference, export.Csv, StringComparison.Ordinal);
        Assert.DoesNotContain("To be removed", export.Csv, StringComparison.Ordinal);
        Assert.Equal(["register|Quarterly tasking and coordination group|DCS Gangs"], await fixture.Db.ColumnAsync(
            "SELECT kind || '|' || purpose || '|' || exported_by FROM strand_gangs_criminal_networks.exports WHERE kind = 'register' AND refused_because IS NULL AND purpose LIKE 'Quarterly%'"));
        Assert.Contains("gangs-lead|export|/strands/gangs-criminal-networks/register|OFFICIAL-SENSITIVE", await fixture.Db.ColumnAsync(
            "SELECT actor_id || '|' || kind || '|' || entity_id || '|' || marking FROM platform.audit_records WHERE kind = 'export' AND summary LIKE 'downloaded the criminal networks register (CSV, %'"));
        Assert.Equal(["gangs-owner|export-criminal-networks-register"], await fixture.Db.ColumnAsync(
            "SELECT actor_id || '|' || entity_id FROM platform.audit_records WHERE kind = 'access-denied' AND entity_id = 'export-criminal-networks-register'"));

        // Removal: the lead's, with a reason; an action owner is refused.
        var commands = (Func<Actor, RemovalForm, Task<SeriousViolence.Strands.GangsCriminalNetworks.GangsResult<CriminalNetwork>>>)((actor, form) =>
            fixture.WithAsync(s => s.GetRequiredService<NetworkCommands>().RemoveAsync(actor, removed.Id, form, removed.Version, CancellationToken.None)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => commands(GangsHostFixture.Owner, new RemovalForm { Reason = "Not mine to remove" }));
        Assert.True((await commands(GangsHostFixture.Lead, new RemovalForm { Reason = " " })).Errors.ContainsKey("Reason"));
        Assert.NotNull((await commands(GangsHostFixture.Lead, new RemovalForm { Reason = "Network no longer active: members disengaged" })).Saved);

        var register = await fixture.WithAsync(s => s.GetRequiredService<GangsQueries>().RegisterAsync(GangsHostFixture.Lead, CancellationToken.None));
        Assert.Contains(register, n => n.Id == kept.Id);
        Assert.DoesNotContain(register, n => n.Id == removed.Id);
        Assert.Null(await fixture.WithAsync(s => s.GetRequiredService<GangsQueries>().NetworkAsync(GangsHostFixture.Lead, removed.Reference, CancellationToken.None)));
        var after = GangsHostFixture.Saved(await RegisterExportAsync(GangsHostFixture.Lead, "Check after removal"));
        Assert.DoesNotContain(removed.Reference, after.Csv, StringComparison.Ordinal);
        Assert.Contains(kept.Reference, after.Csv, StringComparison.Ordinal);
        Assert.Equal(0L, await fixture.Db.ScalarAsync<long>($"SELECT count(*) FROM strand_gangs_criminal_networks.network_notes WHERE network_id = '{removed.Id}'"));
        Assert.Equal(["Network no longer active: members disengaged|DCS Gangs"], await fixture.Db.ColumnAsync(
            $"SELECT removal_reason || '|' || removed_by FROM strand_gangs_criminal_networks.networks WHERE id = '{removed.Id}'"));

        // No page other than the register itself carries a register row: the strand page and the Board show counts only.
        var strandPage = WebUtility.HtmlDecode(await fixture.Host.Client.GetStringAsync("strands/gangs-criminal-networks"));
        Assert.Contains("The networks picture", strandPage, StringComparison.Ordinal);
        Assert.DoesNotContain(kept.Reference, strandPage, StringComparison.Ordinal);
        Assert.DoesNotContain("CN-", WebUtility.HtmlDecode(await fixture.Host.Client.GetStringAsync("board")), StringComparison.Ordinal);
        Assert.DoesNotContain(removed.Reference, WebUtility.HtmlDecode(await fixture.Host.Client.GetStringAsync("strands/gangs-criminal-networks/register")), StringComparison.Ordinal);
    }

    private Task<SeriousViolence.Strands.GangsCriminalNetworks.GangsResult<GangsExport>> RegisterExportAsync(Actor actor, string purpose) =>
        fixture.WithAsync(s => s.GetRequiredService<SharingCommands>().RegisterExportAsync(actor, new ExportForm { Purpose = purpose }, CancellationToken.None));
}
