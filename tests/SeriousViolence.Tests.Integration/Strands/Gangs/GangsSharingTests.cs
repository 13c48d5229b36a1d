using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Strands.GangsCriminalNetworks.Sharing;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.Gangs;

/// <summary>
/// ICO control 3d (unredacted lists went to partners): a partner export is refused without a current agreement (and
/// the refusal recorded); under one it holds counts per borough and tier only, below the threshold shown as "fewer than
/// 5", marked, watermarked with recipient and purpose, and recorded in the audit trail with the actor.
/// </summary>
[Collection(GangsHostGroup.Name)]
public sealed class GangsSharingTests(GangsHostFixture fixture)
{
    [Fact]
    public async Task A_partner_export_needs_a_current_agreement_and_carries_only_suppressed_counts_marked_watermarked_and_audited()
    {
        fixture.Clock.Now = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        // Bexley: six tier-1 networks (shown) and one tier-4 (suppressed).
        for (var i = 0; i < 6; i++)
        {
            await fixture.RecordSavedAsync(GangsHostFixture.Network(borough: "E09000004", scores: "5"));
        }

        await fixture.RecordSavedAsync(GangsHostFixture.Network(borough: "E09000004", scores: "1"));
        var expired = GangsHostFixture.Saved(await fixture.AgreeAsync(GangsHostFixture.Lead, Agreement("Bexley Youth Offending Service", "2025-01-01", "2025-12-31")));
        var current = GangsHostFixture.Saved(await fixture.AgreeAsync(GangsHostFixture.Lead, Agreement("Bexley Community Safety Partnership", "2026-01-01", "2027-03-31")));
        // An action owner may not record an agreement (the lead's decision).
        await Assert.ThrowsAsync<AccessDeniedException>(() => fixture.AgreeAsync(GangsHostFixture.Owner, Agreement("Another partner", "2026-01-01", "2026-12-31")));

        var none = await ExportAsync(GangsHostFixture.Owner, new ExportForm { AgreementId = Guid.NewGuid().ToString(), Purpose = "Strategic assessment" });
        Assert.Null(none.Saved);
        Assert.StartsWith("Refused: there is no information-sharing agreement", none.Errors["AgreementId"][0], StringComparison.Ordinal);
        var lapsed = await ExportAsync(GangsHostFixture.Owner, new ExportForm { AgreementId = expired.Id.ToString(), Purpose = "Strategic assessment" });
        Assert.Contains("is not current", lapsed.Errors["AgreementId"][0], StringComparison.Ordinal);
        var noPurpose = await ExportAsync(GangsHostFixture.Owner, new ExportForm { AgreementId = current.Id.ToString(), Purpose = "" });
        Assert.True(noPurpose.Errors.ContainsKey("Purpose"));

        var made = GangsHostFixture.Saved(await ExportAsync(GangsHostFixture.Owner, new ExportForm { AgreementId = current.Id.ToString(), Purpose = "Bexley serious violence problem profile" }));
        var lines = made.Csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("OFFICIAL-SENSITIVE", lines[0]);
        Assert.Equal("OFFICIAL-SENSITIVE", lines[^1]);
        Assert.Contains("Prepared for Bexley Community Safety Partnership", lines[2], StringComparison.Ordinal);
        Assert.Contains("Purpose: Bexley serious violence problem profile", lines[2], StringComparison.Ordinal);
        Assert.Equal(lines[2], lines[^2]);
        var bexley = lines.Single(l => l.StartsWith("Bexley,", StringComparison.Ordinal));
        Assert.Matches("^Bexley,E09000004,([6-9]|[1-9][0-9]),fewer than 5,fewer than 5,fewer than 5$", bexley);
        Assert.Equal(33, lines.Count(l => l.Contains(",E09", StringComparison.Ordinal)));
        Assert.DoesNotContain("CN-", made.Csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Trident", made.Csv, StringComparison.Ordinal);

        Assert.Equal(
            [
                "partner-aggregate|(no agreement)|Strategic assessment|refused",
                "partner-aggregate|Bexley Community Safety Partnership|Bexley serious violence problem profile|made",
                "partner-aggregate|Bexley Youth Offending Service|Strategic assessment|refused",
            ],
            await fixture.Db.ColumnAsync("SELECT kind || '|' || recipient || '|' || purpose || '|' || (CASE WHEN refused_because IS NULL THEN 'made' ELSE 'refused' END) FROM strand_gangs_criminal_networks.exports WHERE kind = 'partner-aggregate' ORDER BY recipient COLLATE \"C\""));
        Assert.Equal(3L, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM platform.audit_records WHERE entity = 'strand_gangs_criminal_networks.exports' AND actor_id = 'gangs-owner' AND after->>'Kind' = 'partner-aggregate'"));
        // The file made is also a download in the platform's audit trail, with its marking; the refusals are not.
        var download = Assert.Single(await fixture.Db.ColumnAsync(
            "SELECT actor_id || '|' || strand_id || '|' || marking || '|' || summary FROM platform.audit_records WHERE kind = 'export' AND summary LIKE '%aggregate for %'"));
        Assert.StartsWith(
            $"gangs-owner|gangs-criminal-networks|OFFICIAL-SENSITIVE|downloaded the criminal networks aggregate for Bexley Community Safety Partnership under agreement {current.Id} (CSV, 33 boroughs by tier, ",
            download, StringComparison.Ordinal);
    }

    private static AgreementForm Agreement(string partner, string starts, string expires) => new()
    {
        Partner = partner, Purpose = "Local problem profiles of serious violence", LegalBasis = "Crime and Disorder Act 1998, s.115", StartsOn = starts, ExpiresOn = expires,
    };

    private Task<SeriousViolence.Strands.GangsCriminalNetworks.GangsResult<GangsExport>> ExportAsync(Actor actor, ExportForm form) =>
        fixture.WithAsync(s => s.GetRequiredService<SharingCommands>().PartnerExportAsync(actor, form, CancellationToken.None));
}
