using SeriousViolence.Strands.SeriousYouthViolence.Returns;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.SeriousYouthViolence;

/// <summary>
/// Bad input to the under-20 return is refused field by field, with a message beside the field, before anything is
/// written: a negative or non-numeric figure, a month not yet ended, a borough the MPS does not police, a second return.
/// </summary>
[Collection(SyvReturnsShared.Name)]
public sealed class Under20ReturnValidationTests(SyvReturnsHost syv)
{
    public static TheoryData<string, string, string, string> Spoilt => new()
    {
        // field to spoil, its value, where the message is shown, what it says
        { "victimsMurder", "-1", "victimsMurder", "A whole number from 0 to 100,000." },
        { "victimsGbh", "three", "victimsGbh", "A whole number from 0 to 100,000." },
        { "accusedWeaponEnabled", "2.5", "accusedWeaponEnabled", "A whole number from 0 to 100,000." },
        { "accusedGbh", "4\0", "accusedGbh", "A whole number from 0 to 100,000." },
        { "accusedMurder", "", "accusedMurder", "Give the figure for accused of murder (0 if there were none)." },
        { "victimsOfKnifeCrime", "1", "victimsOfKnifeCrime", "'victimsOfKnifeCrime' is not a figure of the Serious youth violence return (under 20)." },
    };

    [Theory]
    [MemberData(nameof(Spoilt))]
    public async Task A_negative_non_numeric_missing_or_unknown_figure_is_refused_beside_its_field_and_nothing_is_written(string field, string value, string shownAt, string says)
    {
        var form = SyvReturnsHost.Under20("2025-06");
        form.Figures[field] = value;

        var result = await syv.PrepareAsync(SyvReturnsHost.Owner, Under20Return.Definition, form);

        Assert.False(result.Succeeded);
        Assert.Equal([shownAt], result.Errors.Keys);
        Assert.Equal([says], result.Errors[shownAt]);
        Assert.Equal(0L, await syv.ReturnsAsync("2025-06", "under-20"));
    }

    public static TheoryData<string, string, string, string> Placed => new()
    {
        // month, borough, field, what it says
        { "2099-01", SyvReturnsHost.Southwark, "Month", "A return is made once its month has ended: choose last month or earlier." },
        { $"{DateTime.UtcNow:yyyy-MM}", SyvReturnsHost.Southwark, "Month", "A return is made once its month has ended: choose last month or earlier." },
        { "2025-13", SyvReturnsHost.Southwark, "Month", "Give the month as year and month, e.g. 2026-03." },
        { "2025-06", "E09999999", "Geography", "Choose one of the 32 boroughs the Metropolitan Police serves (a GSS code such as E09000008)." },
        // The City of London has its own police force: not one of the MPS's 32 boroughs.
        { "2025-06", "E09000001", "Geography", "Choose one of the 32 boroughs the Metropolitan Police serves (a GSS code such as E09000008)." },
        { "2025-06", "london", "Geography", "Choose one of the 32 boroughs the Metropolitan Police serves (a GSS code such as E09000008)." },
    };

    [Theory]
    [MemberData(nameof(Placed))]
    public async Task A_month_not_yet_ended_or_malformed_or_a_borough_the_MPS_does_not_police_is_refused(string month, string borough, string field, string says)
    {
        var result = await syv.PrepareAsync(SyvReturnsHost.Owner, Under20Return.Definition, SyvReturnsHost.Under20(month, borough));

        Assert.False(result.Succeeded);
        Assert.Equal([field], result.Errors.Keys);
        Assert.Equal([says], result.Errors[field]);
        Assert.Equal(0L, await syv.Db.ScalarAsync<long>("SELECT count(*) FROM strand_serious_youth_violence.monthly_returns WHERE return_key = 'under-20' AND (month = '2025-06-01' OR month >= date_trunc('month', now()))"));
    }

    [Fact]
    public async Task A_second_return_for_the_same_borough_and_month_is_refused_beside_the_month_and_the_first_is_kept()
    {
        await syv.PrepareAsync(SyvReturnsHost.Owner, Under20Return.Definition, SyvReturnsHost.Under20("2025-07", SyvReturnsHost.Lambeth, victims: [0, 0, 2, 2]));

        var again = await syv.PrepareAsync(SyvReturnsHost.Lead, Under20Return.Definition, SyvReturnsHost.Under20("2025-07", SyvReturnsHost.Lambeth, victims: [9, 9, 9, 9]));

        Assert.False(again.Succeeded);
        Assert.Equal(
            ["There is already a Serious youth violence return (under 20) for Lambeth, July 2025 (prepared by SYV analyst, awaiting approval): open it to change it."],
            again.Errors["Month"]);
        Assert.Equal(1L, await syv.ReturnsAsync("2025-07", "under-20"));
        Assert.Equal("2", await syv.Db.ScalarAsync<string>("SELECT figures->>'victimsGbh' FROM strand_serious_youth_violence.monthly_returns WHERE month = '2025-07-01' AND return_key = 'under-20'"));
    }
}
