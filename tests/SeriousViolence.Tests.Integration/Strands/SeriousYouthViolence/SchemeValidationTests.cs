using SeriousViolence.Strands.SeriousYouthViolence.DiversionSchemes;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.SeriousYouthViolence;

/// <summary>Hostile or mistaken input is refused field by field, with a message for the field, before anything is written.</summary>
public sealed class SchemeValidationTests(SchemeHostFixture fixture) : IClassFixture<SchemeHostFixture>
{
    private const string NotABorough = "Choose one of the 32 London boroughs (a GSS code such as E09000022).";

    private static readonly Dictionary<string, (string Field, SchemeForm Form, string Message)> Cases = new(StringComparer.Ordinal)
    {
        ["a NUL in the name"] = ("Name", SchemeHost.Form(name: "Safe\0Spaces"), "Remove control characters (such as NUL, tab or line breaks) from the scheme's name."),
        ["a lone surrogate in the partner"] = ("Partner", SchemeHost.Form(partner: "Youth \udc00 Service"), "The partner organisation that runs it contains a broken character; type it again."),
        ["a megabyte of partner"] = ("Partner", SchemeHost.Form(partner: new string('p', 1_000_000)), "At most 200 characters (this has 1,000,000)."),
        ["no name"] = ("Name", SchemeHost.Form(name: ""), "Give the scheme's name."),
        ["no partner"] = ("Partner", SchemeHost.Form(partner: "  "), "Give the partner organisation that runs it."),
        ["an unknown borough"] = ("Borough", SchemeHost.Form(borough: "E09000099"), NotABorough),
        ["SQL for a borough"] = ("Borough", SchemeHost.Form(borough: "'; DROP TABLE strand_serious_youth_violence.diversion_schemes; --"), NotABorough),
        ["the City of London"] = ("Borough", SchemeHost.Form(borough: "E09000001"), "The City of London has its own police force; choose one of the 32 London boroughs."),
        ["an age below the bounds"] = ("AgeFrom", SchemeHost.Form(from: "2"), "Give the youngest age the scheme takes, a whole number from 5 to 25."),
        ["a negative age"] = ("AgeFrom", SchemeHost.Form(from: "-1"), "Give the youngest age the scheme takes, a whole number from 5 to 25."),
        ["an age of 26 digits"] = ("AgeTo", SchemeHost.Form(to: "99999999999999999999999999"), "Give the oldest age the scheme takes, a whole number from 5 to 25."),
        ["ages the wrong way round"] = ("AgeTo", SchemeHost.Form(from: "18", to: "12"), "The oldest age must be at least the youngest (18)."),
        ["a status by number"] = ("Status", SchemeHost.Form(status: "1"), "Choose Planned, Active, Paused or Ended."),
        ["a review in the future"] = ("LastReviewed", SchemeHost.Form(reviewed: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), "The last review cannot be in the future."),
        ["a thirteenth month"] = ("LastReviewed", SchemeHost.Form(reviewed: "2026-13-01"), "Give the date it was last reviewed, e.g. 2026-11-30."),
        ["a marking that does not exist here"] = ("Marking", SchemeHost.Form(marking: "TOP SECRET"), "Choose OFFICIAL or OFFICIAL-SENSITIVE."),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Bad_input_is_refused_with_a_message_beside_the_field_and_nothing_is_written(string input)
    {
        var (field, form, message) = Cases[input];
        var before = await fixture.CountAsync();

        var result = await SchemeHost.SaveAsync(fixture.Host, SchemeHost.Owner, form);

        Assert.False(result.Succeeded);
        Assert.Null(result.Conflict);
        Assert.Equal([field], result.Errors.Keys);
        Assert.Equal([message], result.Errors[field]);
        Assert.Equal(before, await fixture.CountAsync());
    }

    [Fact]
    public async Task A_second_scheme_of_the_same_name_in_the_same_borough_is_refused_beside_the_name()
    {
        await SchemeHost.SavedAsync(fixture.Host, SchemeHost.Owner, SchemeHost.Form(name: "Hackney Boxing Club", borough: "E09000012"));

        var again = await SchemeHost.SaveAsync(fixture.Host, SchemeHost.Lead, SchemeHost.Form(name: "hackney boxing club", borough: "E09000012"));

        Assert.Equal(["Hackney already has a scheme named \"Hackney Boxing Club\"; change that one instead."], again.Errors["Name"]);
        Assert.Equal(1L, await fixture.CountAsync("borough = 'E09000012'"));
    }
}
