using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SeriousViolence.Strands.Homicide.Records;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.Homicide;

/// <summary>
/// The lead's partnership projects feed "projects supported" per quarter (cumulative), the Board card turns good at
/// three, a correction revises the quarter, and the register exports as CSV with its marking.
/// </summary>
public sealed class HomicidePartnershipProjectTests(HomicideHostFixture fixture) : IClassFixture<HomicideHostFixture>
{
    [Fact]
    public async Task Three_supported_projects_meet_the_target_in_the_spc_api_and_on_the_board_and_a_withdrawal_revises_the_quarter()
    {
        var (db, host) = (fixture.Db, fixture.Host);
        // 2026/27 Q3 (October-December) is the clock's quarter.
        (await HomicideHost.SaveAsync(host, HomicideHost.Lead, HomicideHost.Project("Knife crime mentoring in Southwark", started: "2026-10-05"))).Saved();
        (await HomicideHost.SaveAsync(host, HomicideHost.Lead, HomicideHost.Project("Domestic homicide review learning", started: "2026-10-12", partners: ["Home Office", "Women's Aid"]))).Saved();
        var third = (await HomicideHost.SaveAsync(host, HomicideHost.Lead, HomicideHost.Project("Night-time economy safety", started: "2026-11-01", status: ProjectStatuses.Completed, evidence: "Minutes of the partnership board, 20 November 2026"))).Saved();

        Assert.Equal(["2026-10-01|3|-|-|3"], await Eventually.WaitForAsync(
            () => HomicideHost.ObservationsAsync(db, HomicideFigures.Projects, "london"), r => r.SequenceEqual(["2026-10-01|3|-|-|3"]), "three projects supported in the quarter"));
        var card = await Eventually.WaitForAsync(
            async () => WebUtility.HtmlDecode(await host.Client.GetStringAsync("board/strands/homicide")),
            c => c.Contains("3 (target at least 3)", StringComparison.Ordinal), "the projects highlight on the Homicide card");
        Assert.Contains("Partnership projects", card, StringComparison.Ordinal);
        var observations = await host.Client.GetFromJsonAsync<JsonElement>($"api/measures/{HomicideFigures.Projects}/observations?geography=london");
        Assert.Equal("2026/27 Q3", observations.EnumerateArray().Single().GetProperty("period").GetString());

        // Withdrawn: the quarter is revised to two, the earlier three kept as a revision.
        (await HomicideHost.SaveAsync(host, HomicideHost.Lead, HomicideHost.Project("Night-time economy safety", started: "2026-11-01", status: ProjectStatuses.Withdrawn, evidence: "Partner withdrew"), third)).Saved();
        Assert.Equal(["2026-10-01|2|-|-|4"], await Eventually.WaitForAsync(
            () => HomicideHost.ObservationsAsync(db, HomicideFigures.Projects, "london"), r => r.SequenceEqual(["2026-10-01|2|-|-|4"]), "the quarter revised after the withdrawal"));
        Assert.Contains("3|3", await db.ColumnAsync($"SELECT revision || '|' || trim_scale(value) FROM performance.observation_revisions WHERE measure_code = '{HomicideFigures.Projects}'"));

        // The register as CSV over the API, marked top and bottom; the partners as chosen.
        var csv = (await host.Client.GetStringAsync("api/strands/homicide/partnership-projects.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("OFFICIAL", csv[0]);
        Assert.Equal("OFFICIAL", csv[^1]);
        Assert.Contains(csv, l => l.StartsWith("Domestic homicide review learning,Home Office; Women's Aid,", StringComparison.Ordinal));
        Assert.Equal(3, (await host.Client.GetFromJsonAsync<JsonElement>("api/strands/homicide/partnership-projects")).GetArrayLength());
    }

    [Fact]
    public async Task An_investigation_recorded_over_the_api_is_in_the_marked_csv_and_a_stale_version_is_409()
    {
        var client = fixture.Host.Client;
        var body = new { operationName = "Operation Foxhollow", openedOn = "2026-09-14", borough = "E09000030", status = "open", marking = "OFFICIAL-SENSITIVE" };
        var created = await client.PostAsJsonAsync("api/strands/homicide/investigations", body);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var saved = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = saved.GetProperty("id").GetGuid();
        var update = new { id, version = 1L, operationName = "Operation Foxhollow", openedOn = "2026-09-14", borough = "E09000030", status = "detected", detectedOn = "2026-09-20", marking = "OFFICIAL-SENSITIVE" };
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("api/strands/homicide/investigations", update)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("api/strands/homicide/investigations", update with { status = "closed" })).StatusCode);

        var csv = (await client.GetStringAsync("api/strands/homicide/investigations.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("OFFICIAL-SENSITIVE", csv[0]);
        Assert.Equal("OFFICIAL-SENSITIVE", csv[^1]);
        Assert.Contains(csv, l => l.StartsWith("Operation Foxhollow,2026-09-14,E09000030,Tower Hamlets,detected,2026-09-20,", StringComparison.Ordinal));
        var openApi = await fixture.Host.Client.GetStringAsync("openapi/v1.json");
        Assert.Contains("/api/strands/homicide/fiu-requests", openApi, StringComparison.Ordinal);
    }
}
