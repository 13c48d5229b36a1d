using SeriousViolence.Tests.NinthStrand.Returns;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>Hostile or mistaken input to the strand's command is refused field by field, before anything is written.</summary>
public sealed class NinthStrandHostileInputTests(NinthStrandHostFixture fixture) : IClassFixture<NinthStrandHostFixture>
{
    private const string ControlCharacters = "Remove control characters (such as NUL, tab or line breaks) from who prepared it.";
    private const string CountRange = "The count must be a whole number from 0 to 1,000,000.";
    private const string NotABorough = "Choose one of London's 33 boroughs (a GSS code such as E09000008).";

    // Named cases, so that test names stay readable (the inputs include NUL, a lone surrogate and a megabyte of text).
    private static readonly Dictionary<string, (string Field, TestReturnForm Form, string Message)> Cases = new(StringComparer.Ordinal)
    {
        ["a NUL in who prepared it"] = ("PreparedBy", NinthStrandHost.Form(preparedBy: "Croydon\0analysts"), ControlCharacters),
        ["an escape sequence in who prepared it"] = ("PreparedBy", NinthStrandHost.Form(preparedBy: "Croydon\u001b[31m analysts"), ControlCharacters),
        ["a line break in who prepared it"] = ("PreparedBy", NinthStrandHost.Form(preparedBy: "Croydon\nanalysts"), ControlCharacters),
        ["a lone surrogate in who prepared it"] = ("PreparedBy", NinthStrandHost.Form(preparedBy: "Croydon \ud800 analysts"), "Who prepared it contains a broken character; type it again."),
        ["a megabyte of who prepared it"] = ("PreparedBy", NinthStrandHost.Form(preparedBy: new string('x', 1_000_000)), "At most 200 characters (this has 1,000,000)."),
        ["only spaces for who prepared it"] = ("PreparedBy", NinthStrandHost.Form(preparedBy: "   "), "Say who prepared the return (a team or role)."),
        ["a count of 26 digits"] = ("Count", NinthStrandHost.Form(count: "99999999999999999999999999"), CountRange),
        ["a negative count"] = ("Count", NinthStrandHost.Form(count: "-3"), CountRange),
        ["a count in exponent form"] = ("Count", NinthStrandHost.Form(count: "1e3"), CountRange),
        ["a count above the limit"] = ("Count", NinthStrandHost.Form(count: "1000001"), CountRange),
        ["no count"] = ("Count", NinthStrandHost.Form(count: ""), "Give the count (a whole number, 0 or more)."),
        ["an unknown borough code"] = ("Borough", NinthStrandHost.Form(borough: "E09000099"), NotABorough),
        ["SQL for a borough"] = ("Borough", NinthStrandHost.Form(borough: "'; DROP TABLE strand_ninth_test.test_returns; --"), NotABorough),
        ["a thirteenth month"] = ("Month", NinthStrandHost.Form(month: "2026-13"), "Give the month as year and month, e.g. 2026-03."),
        ["a month in the future"] = ("Month", NinthStrandHost.Form(month: "9999-01"), "The month must be between January 2000 and this month."),
        ["a hundred thousand digits for a month"] = ("Month", NinthStrandHost.Form(month: new string('2', 100_000)), "Give the month as year and month, e.g. 2026-03."),
        ["a marking that does not exist here"] = ("Marking", NinthStrandHost.Form(marking: "SECRET"), "Choose OFFICIAL or OFFICIAL-SENSITIVE."),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Hostile_text_and_out_of_range_values_are_refused_with_a_clear_message_beside_the_field_and_nothing_is_written(string input)
    {
        var (field, form, message) = Cases[input];

        var result = await NinthStrandHost.RecordAsync(fixture.Host, NinthStrandHost.Lead, form);

        Assert.False(result.Succeeded);
        Assert.Null(result.Conflict);
        Assert.Equal([field], result.Errors.Keys);
        Assert.Equal([message], result.Errors[field]);
        Assert.Equal(0L, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM strand_ninth_test.test_returns"));
        Assert.Equal(0L, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM strand_ninth_test.outbox_messages"));
        Assert.Equal(0L, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM platform.audit_records WHERE actor_id = 'ninth-lead'"));
    }
}
