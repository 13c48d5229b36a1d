using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.SeriousYouthViolence;

/// <summary>Two people editing one scheme never silently overwrite each other: the second is told what the first changed.</summary>
public sealed class SchemeConcurrencyTests(SchemeHostFixture fixture) : IClassFixture<SchemeHostFixture>
{
    [Fact]
    public async Task Of_two_edits_from_the_same_version_the_second_is_refused_and_told_what_the_first_changed()
    {
        var read = await SchemeHost.SavedAsync(fixture.Host, SchemeHost.Owner, SchemeHost.Form(name: "Brent Mentoring", borough: "E09000005"));

        var first = await SchemeHost.SaveAsync(fixture.Host, SchemeHost.Lead, SchemeHost.Form(name: "Brent Mentoring", borough: "E09000005", status: "Paused"), read.Id, read.Version);
        var second = await SchemeHost.SaveAsync(fixture.Host, SchemeHost.Owner, SchemeHost.Form(name: "Brent Mentoring", borough: "E09000005", to: "21"), read.Id, read.Version);

        Assert.True(first.Succeeded);
        Assert.False(second.Succeeded);
        Assert.Empty(second.Errors);
        Assert.StartsWith("DCS Violent Crime saved this scheme at ", second.Conflict, StringComparison.Ordinal);
        Assert.Contains("(version 2): ages to \"17\", status \"Paused\". Your changes were not saved", second.Conflict, StringComparison.Ordinal);
        Assert.Equal(["17|Paused|2"], await fixture.Db.ColumnAsync("SELECT age_to || '|' || status || '|' || version FROM strand_serious_youth_violence.diversion_schemes WHERE name = 'Brent Mentoring'"));
    }
}
