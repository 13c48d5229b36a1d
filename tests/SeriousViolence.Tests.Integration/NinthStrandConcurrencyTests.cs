using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>Two people editing one return never silently overwrite each other: the second is refused and told why.</summary>
public sealed class NinthStrandConcurrencyTests
{
    [Fact]
    public async Task Of_two_edits_made_from_the_same_version_the_second_is_refused_and_the_first_is_kept()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await NinthStrandHost.StartAsync(db);
        var read = await NinthStrandHost.RecordSavedAsync(host, NinthStrandHost.Lead, NinthStrandHost.Form(count: "10"));
        var colleague = SeriousViolence.Abstractions.Actor.ForStrands("ninth-deputy", "DI Ninth Deputy", "ninth-test");

        var first = await NinthStrandHost.RecordAsync(host, NinthStrandHost.Lead, NinthStrandHost.Form(count: "11"), read.Version);
        var second = await NinthStrandHost.RecordAsync(host, colleague, NinthStrandHost.Form(count: "19"), read.Version);

        Assert.True(first.Succeeded);
        Assert.False(second.Succeeded);
        Assert.Empty(second.Errors);
        Assert.StartsWith("DCS Ninth Test saved the return for Croydon, October 2026 at ", second.Conflict, StringComparison.Ordinal);
        Assert.EndsWith("(count 11, version 2); your entry was not saved. Check their figure and, if yours is right, enter it again.", second.Conflict, StringComparison.Ordinal);
        Assert.Equal(["11|2|DCS Ninth Test"], await db.ColumnAsync("SELECT count || '|' || version || '|' || updated_by FROM strand_ninth_test.test_returns"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM platform.audit_records WHERE actor_id = 'ninth-deputy'"));
    }

    [Fact]
    public async Task Of_many_people_entering_the_same_new_return_at_once_one_is_saved_and_every_other_is_told_it_exists()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await NinthStrandHost.StartAsync(db);
        var people = Enumerable.Range(1, 6).Select(i => SeriousViolence.Abstractions.Actor.ForStrands($"ninth-{i}", $"Analyst {i}", "ninth-test")).ToList();

        var results = await Task.WhenAll(people.Select((p, i) => NinthStrandHost.RecordAsync(host, p, NinthStrandHost.Form(count: (20 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)))));

        var saved = Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains("your entry was not saved", r.Conflict, StringComparison.Ordinal));
        Assert.Equal([$"{saved.Saved!.Count}|1"], await db.ColumnAsync("SELECT count || '|' || version FROM strand_ninth_test.test_returns"));
        // One set of messages, for the one saved change.
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM strand_ninth_test.outbox_messages WHERE message_type LIKE '%TestReturnRecorded'"));
    }
}
