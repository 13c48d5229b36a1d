using System.Net;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.SeriousYouthViolence;

/// <summary>
/// An action owner keeps the register: the scheme is stored in the strand's schema, audited with them, marked, and
/// exported with its marking; the download is in the audit trail as an export.
/// </summary>
public sealed class SchemeRecordingTests(SchemeHostFixture fixture) : IClassFixture<SchemeHostFixture>
{
    [Fact]
    public async Task An_action_owner_records_a_scheme_audited_with_them_as_actor_and_the_csv_carries_its_marking()
    {
        var saved = await SchemeHost.SavedAsync(fixture.Host, SchemeHost.Owner,
            SchemeHost.Form(name: "Southwark Detached Youth Work", borough: "E09000028", partner: "=Southwark Council", from: "11", to: "19", reviewed: "2026-10-15", marking: "OFFICIAL-SENSITIVE"));

        Assert.Equal(1, saved.Version);
        Assert.Equal(
            ["E09000028|=Southwark Council|11-19|Active|2026-10-15|1|PS Youth Engagement"],
            await fixture.Db.ColumnAsync("SELECT borough || '|' || partner || '|' || age_from || '-' || age_to || '|' || status || '|' || last_reviewed || '|' || marking || '|' || created_by FROM strand_serious_youth_violence.diversion_schemes WHERE name = 'Southwark Detached Youth Work'"));
        Assert.Equal(
            ["syv-owner|change|serious-youth-violence|OFFICIAL-SENSITIVE"],
            await fixture.Db.ColumnAsync($"SELECT actor_id || '|' || kind || '|' || strand_id || '|' || marking FROM platform.audit_records WHERE entity = 'strand_serious_youth_violence.diversion_schemes' AND entity_id = '{saved.Id}'"));

        var response = await fixture.Host.Client.GetAsync("api/strands/serious-youth-violence/diversion-schemes.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("OFFICIAL-SENSITIVE", lines[0]);
        Assert.Equal("OFFICIAL-SENSITIVE", lines[^1]);
        Assert.Equal("Borough,Borough code,Scheme,Partner,Ages from,Ages to,Status,Last reviewed,Marking,Version,Last changed by", lines[2]);
        // The partner's leading "=" cannot run as a formula.
        Assert.Contains("Southwark,E09000028,Southwark Detached Youth Work,'=Southwark Council,11,19,Active,2026-10-15,OFFICIAL-SENSITIVE,1,PS Youth Engagement", lines);
        Assert.Equal(
            ["export|/strands/serious-youth-violence/diversion-schemes|serious-youth-violence|OFFICIAL-SENSITIVE|downloaded the youth diversion schemes register (CSV, 1 rows)"],
            await fixture.Db.ColumnAsync("SELECT kind || '|' || entity_id || '|' || strand_id || '|' || marking || '|' || summary FROM platform.audit_records WHERE kind = 'export'"));
    }
}
