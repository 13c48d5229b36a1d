using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>
/// The measure the strand owns is fed by the strand itself: each return publishes the borough's observation and
/// London's sum, which Performance stores (accepting them from the owning module) and the Board keeps.
/// </summary>
public sealed class NinthStrandMeasureTests
{
    // Croydon 12 then 14 (version 2), Lambeth 30: London is their sum, at the sum of their versions.
    private static readonly string[] Expected = ["E09000008|month|2026-10-01|14|2", "E09000022|month|2026-10-01|30|1", "london|month|2026-10-01|44|3"];

    [Fact]
    public async Task A_returns_observations_reach_the_board_read_model_at_their_newest_revision()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await NinthStrandHost.StartAsync(db);

        var croydon = await NinthStrandHost.RecordSavedAsync(host, NinthStrandHost.Lead, NinthStrandHost.Form(count: "12"));
        await NinthStrandHost.RecordSavedAsync(host, NinthStrandHost.Lead, NinthStrandHost.Form(borough: NinthStrandHost.Lambeth, count: "30"));
        await NinthStrandHost.RecordSavedAsync(host, NinthStrandHost.Lead, NinthStrandHost.Form(count: "14"), croydon.Version);

        var onBoard = await Eventually.WaitForAsync(
            () => db.ColumnAsync("SELECT geography || '|' || period_kind || '|' || period_start || '|' || value || '|' || revision FROM board.measure_observations WHERE measure_code = 'ninth-test-returns' ORDER BY geography"),
            rows => rows.SequenceEqual(Expected),
            "the ninth strand's observations on the Board at their newest revisions");
        Assert.Equal(Expected, onBoard);
    }

    [Fact]
    public async Task A_returns_observations_reach_performances_store_from_the_module_that_owns_the_measure()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await NinthStrandHost.StartAsync(db);

        Assert.Equal(
            ["ninth-test|SeriousViolence.Tests.NinthStrand"],
            await db.ColumnAsync("SELECT owner_strand || '|' || owner_module FROM performance.measures WHERE code = 'ninth-test-returns'"));
        var croydon = await NinthStrandHost.RecordSavedAsync(host, NinthStrandHost.Lead, NinthStrandHost.Form(count: "12"));
        await NinthStrandHost.RecordSavedAsync(host, NinthStrandHost.Lead, NinthStrandHost.Form(borough: NinthStrandHost.Lambeth, count: "30"));
        await NinthStrandHost.RecordSavedAsync(host, NinthStrandHost.Lead, NinthStrandHost.Form(count: "14"), croydon.Version);

        var stored = await Eventually.WaitForAsync(
            () => db.ColumnAsync("SELECT geography || '|' || period_kind || '|' || period_start || '|' || value::int || '|' || revision FROM performance.observations WHERE measure_code = 'ninth-test-returns' ORDER BY geography"),
            rows => rows.SequenceEqual(Expected),
            "the ninth strand's observations in Performance's store at their newest revisions");
        Assert.Equal(Expected, stored);

        // The measure's page charts what the strand published.
        var page = await host.Client.GetStringAsync("measures/ninth-test-returns");
        Assert.Contains("Test returns: monthly count", page, StringComparison.Ordinal);
        Assert.Contains("2026-10", page, StringComparison.Ordinal);
    }
}
