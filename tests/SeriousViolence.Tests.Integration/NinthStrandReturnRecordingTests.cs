using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>A lead of the ninth strand records a return in the strand's own table; the change is audited with the lead.</summary>
public sealed class NinthStrandReturnRecordingTests
{
    [Fact]
    public async Task A_lead_records_a_return_and_it_is_stored_in_the_strands_table_and_audited_with_the_lead_as_actor()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await NinthStrandHost.StartAsync(db);

        var saved = await NinthStrandHost.RecordSavedAsync(host, NinthStrandHost.Lead, NinthStrandHost.Form(count: "12", marking: "OFFICIAL-SENSITIVE"));

        Assert.Equal(1L, saved.Version);
        Assert.Equal(
            ["E09000008|2026-10-01|12|Croydon BCU analysts|1|1|DCS Ninth Test"],
            await db.ColumnAsync("SELECT borough || '|' || month || '|' || count || '|' || prepared_by || '|' || marking || '|' || version || '|' || updated_by FROM strand_ninth_test.test_returns"));
        Assert.Equal(
            [$"ninth-lead|DCS Ninth Test|change|strand_ninth_test.test_returns|{saved.Id}|ninth-test|created|OFFICIAL-SENSITIVE|12"],
            await db.ColumnAsync(
                "SELECT actor_id || '|' || actor_name || '|' || kind || '|' || entity || '|' || entity_id || '|' || strand_id || '|' || summary || '|' || marking || '|' || (after->>'Count') " +
                "FROM platform.audit_records WHERE entity = 'strand_ninth_test.test_returns'"));

        // A change is a new version, audited with the fields before and after.
        var changed = await NinthStrandHost.RecordSavedAsync(host, NinthStrandHost.Lead, NinthStrandHost.Form(count: "15", marking: "OFFICIAL-SENSITIVE"), expectedVersion: 1);
        Assert.Equal(2L, changed.Version);
        Assert.Equal(
            ["ninth-lead|12|15|1|2"],
            await db.ColumnAsync(
                "SELECT actor_id || '|' || (before->>'Count') || '|' || (after->>'Count') || '|' || (before->>'Version') || '|' || (after->>'Version') " +
                "FROM platform.audit_records WHERE entity = 'strand_ninth_test.test_returns' AND summary LIKE 'changed%'"));
        // The strand's messages went out through its own outbox with the change, naming the strand's module.
        Assert.Equal(
            ["SeriousViolence.Tests.NinthStrand"],
            await db.ColumnAsync("SELECT DISTINCT source_module FROM strand_ninth_test.outbox_messages"));
        Assert.Equal(
            ["SeriousViolence.Contracts.MeasureObservationsRecorded|4", "SeriousViolence.Contracts.StrandHighlightsPublished|2", "SeriousViolence.Tests.NinthStrand.Returns.TestReturnRecorded|2"],
            await db.ColumnAsync("SELECT message_type || '|' || count(*) FROM strand_ninth_test.outbox_messages GROUP BY message_type ORDER BY message_type"));
    }
}
