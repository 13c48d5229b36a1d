using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Contracts;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>
/// A measure that only stands in for what the strategy asks about (its strand declares why) is labelled as a proxy
/// wherever it is shown, and its signal is never put to the Board as a change; a change of that declaration is the
/// definition's next revision, so the Board follows it.
/// </summary>
public sealed class MeasureProxyTests
{
    private const string KnifeInjuries = "knife-injury-victims-1-24";

    private static async Task AppliedAsync(TestHost host, TestDatabase db, object message)
    {
        var id = Guid.NewGuid();
        await host.Services.GetRequiredService<IBus>().Publish(message, message.GetType(), Pipe.Execute<PublishContext>(c => c.MessageId = id));
        await Eventually.WaitForAsync(() => db.ScalarAsync<long>($"SELECT count(*) FROM board.processed_messages WHERE message_id = '{id}'"), n => n == 1, "the message consumed");
    }

    // A target of 1 against a year of readings near 100, rising sharply at the end: special-cause concern, and a failing target.
    private static MeasureDefined Measure(string code, string? proxy) => new()
    {
        MeasureCode = code, Revision = 1, OccurredAt = DateTimeOffset.UtcNow, Name = $"Measure {code}", Unit = "count", Polarity = "lower-is-better",
        Frequency = "monthly", KeyOutcomes = [6], StrandIds = ["serious-youth-violence"], OwnerStrandId = "serious-youth-violence", TargetValue = 1,
        TargetText = "1", Proxy = proxy,
    };

    private static MeasureObservationsRecorded Readings(string code) => new()
    {
        MeasureCode = code, StrandIds = ["serious-youth-violence"], Geography = "london", OccurredAt = DateTimeOffset.UtcNow,
        Observations = [.. Enumerable.Range(0, 15).Select(i => new RecordedObservation
        {
            PeriodStart = new DateOnly(2025, 1, 1).AddMonths(i), PeriodKind = "month", Value = i < 14 ? 100 + (i % 3) : 400, Revision = 1,
        })],
    };

    [Fact]
    public async Task A_proxy_is_labelled_on_the_board_and_its_signal_stays_off_the_agenda_while_the_same_signal_in_a_real_measure_is_on_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await AppliedAsync(host, db, Measure("a-real-measure", null));
        await AppliedAsync(host, db, Measure("a-proxy-measure", "It counts something near the outcome, not the outcome."));
        await AppliedAsync(host, db, Readings("a-real-measure"));
        await AppliedAsync(host, db, Readings("a-proxy-measure"));

        using var summary = JsonDocument.Parse(await host.Client.GetStringAsync("api/board/summary"));
        var measures = summary.RootElement.GetProperty("measures").EnumerateArray().ToDictionary(m => m.GetProperty("code").GetString()!);
        Assert.Equal("SpecialCauseConcernHigh", measures["a-proxy-measure"].GetProperty("variation").GetString());
        Assert.Equal("It counts something near the outcome, not the outcome.", measures["a-proxy-measure"].GetProperty("proxy").GetString());
        Assert.Equal(JsonValueKind.Null, measures["a-real-measure"].GetProperty("proxy").ValueKind);

        var agenda = await host.Client.GetStringAsync("board/agenda.csv");
        Assert.Contains("Measure a-real-measure: special-cause concern", agenda, StringComparison.Ordinal);
        Assert.DoesNotContain("a-proxy-measure", agenda, StringComparison.Ordinal);

        var board = await host.Client.GetStringAsync("board");
        Assert.Contains("Proxy<span class=\"visually-hidden\">: It counts something near the outcome, not the outcome.</span>", board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_knife_dashboards_victims_aged_1_to_24_are_declared_a_proxy_and_a_changed_declaration_is_the_definitions_next_revision()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using (var host = await TestHost.StartAsync(db.ConnectionString))
        {
            var proxy = await Eventually.WaitForAsync(
                () => db.ColumnAsync($"SELECT coalesce(proxy, '') FROM board.measures WHERE measure_code = '{KnifeInjuries}'"),
                rows => rows.Count == 1 && rows[0].Length > 0, "the proxy note on the Board");
            Assert.Contains("proxy", await host.Client.GetStringAsync("api/measures"), StringComparison.Ordinal);
            Assert.Equal(proxy, await db.ColumnAsync($"SELECT proxy FROM performance.measures WHERE code = '{KnifeInjuries}'"));

            var page = System.Net.WebUtility.HtmlDecode(await host.Client.GetStringAsync($"measures/{KnifeInjuries}"));
            Assert.Contains("A proxy measure.", page, StringComparison.Ordinal);
            Assert.Contains(proxy[0], page, StringComparison.Ordinal);
            Assert.DoesNotContain("A proxy measure.", await host.Client.GetStringAsync("measures/knife-crime-offences"), StringComparison.Ordinal);
        }

        // As an installation from before the declaration: no proxy stored, the Board told so at revision 1.
        Assert.Equal(1, await db.ScalarAsync<int>($"WITH u AS (UPDATE performance.measures SET proxy = NULL WHERE code = '{KnifeInjuries}' RETURNING 1) SELECT count(*)::int FROM u"));
        Assert.Equal(1, await db.ScalarAsync<int>($"WITH u AS (UPDATE board.measures SET proxy = NULL WHERE measure_code = '{KnifeInjuries}' RETURNING 1) SELECT count(*)::int FROM u"));

        await using (var restarted = await TestHost.StartAsync(db.ConnectionString))
        {
            Assert.Equal(["2"], await db.ColumnAsync($"SELECT revision FROM performance.measures WHERE code = '{KnifeInjuries}'"));
            await Eventually.WaitForAsync(
                () => db.ColumnAsync($"SELECT revision || '|' || (proxy IS NOT NULL) FROM board.measures WHERE measure_code = '{KnifeInjuries}'"),
                rows => rows.SequenceEqual(["2|true"]), "the Board at the definition's second revision, with the proxy note");
            Assert.Equal(["1"], await db.ColumnAsync("SELECT revision FROM performance.measures WHERE code = 'knife-crime-offences'"));
        }
    }
}
