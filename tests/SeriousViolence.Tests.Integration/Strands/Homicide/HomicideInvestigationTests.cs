using System.Net;
using System.Text.Json;
using SeriousViolence.Strands.Homicide.Records;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.Homicide;

/// <summary>
/// An investigation recorded by Homicide's action owner and its lead feeds the detection, conviction and debrief
/// measures for its borough and London, by the quarter it opened; each change revises the quarter's observation at a
/// higher revision, keeping the earlier value as a revision; a quarter with nothing to divide by has no observation.
/// </summary>
public sealed class HomicideInvestigationTests(HomicideHostFixture fixture) : IClassFixture<HomicideHostFixture>
{
    [Fact]
    public async Task Investigations_opened_detected_charged_and_convicted_give_the_quarters_rates_in_the_spc_api_and_on_the_board_revised_with_each_change()
    {
        var (db, host) = (fixture.Db, fixture.Host);
        // 2026/27 Q2 (July-September), Lambeth: two investigations, one detected and charged.
        var ashdown = (await HomicideHost.SaveAsync(host, HomicideHost.ActionOwner, HomicideHost.Investigation("Operation Ashdown", opened: "2026-07-06", borough: HomicideHost.Lambeth))).Saved();
        await HomicideHost.SaveAsync(host, HomicideHost.ActionOwner, HomicideHost.Investigation("Operation Birchfield", opened: "2026-08-11", borough: HomicideHost.Lambeth));

        // Nothing concluded at court and nothing closed: no conviction or debrief observation ("no cases"), never 0%.
        // The second investigation revised the quarter (revision 2).
        Assert.Equal(["2026-07-01|0|0|2|2"], await Eventually.WaitForAsync(
            () => HomicideHost.ObservationsAsync(db, HomicideFigures.DetectionRate, HomicideHost.Lambeth), r => r.SequenceEqual(["2026-07-01|0|0|2|2"]), "the quarter's detection rate with both investigations"));
        Assert.Empty(await HomicideHost.ObservationsAsync(db, HomicideFigures.ConvictionRate, HomicideHost.Lambeth));

        // Detected and charged, then convicted of manslaughter (a conviction), then closed with a debrief.
        ashdown = (await HomicideHost.SaveAsync(host, HomicideHost.ActionOwner, HomicideHost.Investigation("Operation Ashdown", opened: "2026-07-06", borough: HomicideHost.Lambeth, status: "detected", detected: "2026-07-20", charged: "2026-07-21"), ashdown)).Saved();
        ashdown = (await HomicideHost.SaveAsync(host, HomicideHost.Lead, HomicideHost.Investigation("Operation Ashdown", opened: "2026-07-06", borough: HomicideHost.Lambeth, status: "detected", detected: "2026-07-20", charged: "2026-07-21", outcome: InvestigationOutcomes.Manslaughter), ashdown)).Saved();
        ashdown = (await HomicideHost.SaveAsync(host, HomicideHost.Lead, HomicideHost.Investigation("Operation Ashdown", opened: "2026-07-06", borough: HomicideHost.Lambeth, status: "closed", detected: "2026-07-20", charged: "2026-07-21", outcome: InvestigationOutcomes.Manslaughter, debriefed: "2026-11-02"), ashdown)).Saved();
        Assert.Equal(4, ashdown.Version);

        var detection = await Eventually.WaitForAsync(
            () => HomicideHost.ObservationsAsync(db, HomicideFigures.DetectionRate, HomicideHost.Lambeth), r => r.SequenceEqual(["2026-07-01|50|1|2|3"]), "Lambeth's detection rate revised");
        Assert.Equal(["2026-07-01|50|1|2|3"], detection);
        Assert.Equal(["2026-07-01|100|1|1|1"], await Eventually.WaitForAsync(() => HomicideHost.ObservationsAsync(db, HomicideFigures.ConvictionRate, HomicideHost.Lambeth), r => r.Count == 1, "the conviction rate"));
        Assert.Equal(["2026-07-01|100|1|1|1"], await Eventually.WaitForAsync(() => HomicideHost.ObservationsAsync(db, HomicideFigures.Debriefs, HomicideHost.Lambeth), r => r.Count == 1, "the debriefed share"));
        // The earlier values are kept as revisions, superseded.
        Assert.Equal(["1|0|1", "2|0|2"], await db.ColumnAsync(
            $"SELECT revision || '|' || trim_scale(value) || '|' || denominator::int FROM performance.observation_revisions WHERE measure_code = '{HomicideFigures.DetectionRate}' AND geography = '{HomicideHost.Lambeth}' ORDER BY revision"));

        // The SPC API charts London's quarter from the register.
        using var spc = JsonDocument.Parse(await Eventually.WaitForAsync(
            () => host.Client.GetStringAsync($"api/measures/{HomicideFigures.DetectionRate}/spc?geography=london"), s => s.Contains("\"period\":\"2026/27 Q2\",\"value\":50,", StringComparison.Ordinal), "London's detection rate in the SPC API"));
        Assert.Equal(85, spc.RootElement.GetProperty("target").GetInt32());

        // The Board's card carries the quarter's figures.
        var card = await Eventually.WaitForAsync(
            async () => WebUtility.HtmlDecode(await host.Client.GetStringAsync("board/strands/homicide")),
            c => c.Contains("Homicide investigations opened", StringComparison.Ordinal) && c.Contains("100% (1 of 1)", StringComparison.Ordinal),
            "the Homicide card with the investigations highlight");
        Assert.Contains("Detection rate (target 85%)", card, StringComparison.Ordinal);
        Assert.Contains("strands/homicide/investigations", card, StringComparison.Ordinal);

        // Audited with each actor, under the strand.
        Assert.Equal(
            ["DI Homicide Reporting|homicide", "DI Homicide Reporting|homicide", "DCS Homicide|homicide", "DCS Homicide|homicide"],
            await db.ColumnAsync($"SELECT actor_name || '|' || strand_id FROM platform.audit_records WHERE entity = 'strand_homicide.investigations' AND entity_id = '{ashdown.Id}' ORDER BY seq"));
    }

    [Fact]
    public async Task A_change_from_a_version_someone_else_saved_since_is_refused_and_says_what_they_saved()
    {
        var host = fixture.Host;
        var read = (await HomicideHost.SaveAsync(host, HomicideHost.Lead, HomicideHost.Investigation("Operation Coldharbour", opened: "2026-06-01", borough: "E09000028"))).Saved();
        (await HomicideHost.SaveAsync(host, HomicideHost.ActionOwner, HomicideHost.Investigation("Operation Coldharbour", opened: "2026-06-01", borough: "E09000028", status: "detected", detected: "2026-06-05"), read)).Saved();

        var stale = await HomicideHost.SaveAsync(host, HomicideHost.Lead, HomicideHost.Investigation("Operation Coldharbour", opened: "2026-06-01", borough: "E09000028", status: "closed"), read);

        Assert.False(stale.Succeeded);
        Assert.StartsWith("DI Homicide Reporting saved Operation Coldharbour", stale.Conflict, StringComparison.Ordinal);
        Assert.Equal(["detected|2"], await fixture.Db.ColumnAsync("SELECT status || '|' || version FROM strand_homicide.investigations WHERE operation_name = 'Operation Coldharbour'"));
    }
}
