using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Contracts;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>
/// A withdrawn strand takes what it owns off the Board (its card, its measures wherever they showed, its highlights),
/// and a later announcement brings them back; measures no strand owns stay.
/// </summary>
public sealed class BoardStrandWithdrawalTests : HostedTest
{
    private const string Strand = "homicide";

    protected override Task ArrangeAsync() =>
        Eventually.WaitForAsync(() => Db.ScalarAsync<long>("SELECT count(*) FROM board.strands"), n => n == 8, "the strands announced");

    private async Task AppliedAsync(object message)
    {
        var id = Guid.NewGuid();
        await Host.Services.GetRequiredService<IBus>().Publish(message, message.GetType(), Pipe.Execute<PublishContext>(c => c.MessageId = id));
        await Eventually.WaitForAsync(() => Db.ScalarAsync<long>($"SELECT count(*) FROM board.processed_messages WHERE message_id = '{id}'"), n => n == 1, "the message consumed");
    }

    // A target of 1 against a year of readings near 100: the process consistently fails it, which puts the measure on the agenda.
    private static MeasureDefined Measure(string code, string? owner) => new()
    {
        MeasureCode = code, Revision = 1, OccurredAt = DateTimeOffset.UtcNow, Name = $"Measure {code}", Unit = "count", Polarity = "lower-is-better",
        Frequency = "monthly", KeyOutcomes = [1], StrandIds = [Strand], OwnerStrandId = owner, TargetValue = 1, TargetText = "1",
    };

    private static MeasureObservationsRecorded Readings(string code) => new()
    {
        MeasureCode = code, StrandIds = [Strand], Geography = "london", OccurredAt = DateTimeOffset.UtcNow,
        Observations = [.. Enumerable.Range(0, 12).Select(i => new RecordedObservation
        {
            PeriodStart = new DateOnly(2025, 4, 1).AddMonths(i), PeriodKind = "month", Value = 100 + (i % 3), Revision = 1,
        })],
    };

    private async Task<(List<string> Strands, List<string> Measures, bool Highlighted)> SummaryAsync()
    {
        using var summary = JsonDocument.Parse(await Host.Client.GetStringAsync("api/board/summary"));
        var strands = summary.RootElement.GetProperty("strands").EnumerateArray().ToList();
        return (
            [.. strands.Select(s => s.GetProperty("strandId").GetString()!)],
            [.. summary.RootElement.GetProperty("measures").EnumerateArray().Select(m => m.GetProperty("code").GetString()!)],
            strands.Any(s => s.GetProperty("highlights").GetArrayLength() > 0));
    }

    [Fact]
    public async Task A_withdrawn_strand_s_measures_and_highlights_leave_the_board_and_return_when_it_is_announced_again()
    {
        await AppliedAsync(Measure("owned-by-the-strand", Strand));
        await AppliedAsync(Measure("owned-by-no-strand", null));
        await AppliedAsync(Readings("owned-by-the-strand"));
        await AppliedAsync(BoardHighlightTests.Highlights(Strand, 1, "3"));
        var before = await SummaryAsync();
        Assert.Contains(Strand, before.Strands);
        Assert.Contains("owned-by-the-strand", before.Measures);
        Assert.True(before.Highlighted);
        Assert.Contains("Measure owned-by-the-strand", await Host.Client.GetStringAsync("board/agenda.csv"), StringComparison.Ordinal);

        var revision = await Db.ScalarAsync<long>($"SELECT revision FROM board.strands WHERE strand_id = '{Strand}'");
        await AppliedAsync(new StrandWithdrawn { StrandId = Strand, Revision = revision + 1, OccurredAt = DateTimeOffset.UtcNow });

        var withdrawn = await SummaryAsync();
        Assert.DoesNotContain(Strand, withdrawn.Strands);
        Assert.DoesNotContain("owned-by-the-strand", withdrawn.Measures);
        Assert.Contains("owned-by-no-strand", withdrawn.Measures);
        Assert.False(withdrawn.Highlighted);
        var board = await Host.Client.GetStringAsync("board");
        Assert.DoesNotContain("Measure owned-by-the-strand", board, StringComparison.Ordinal); // nor in the key outcomes or the measure table
        Assert.Contains("Measure owned-by-no-strand", board, StringComparison.Ordinal);
        Assert.Contains("The 7 strands", board, StringComparison.Ordinal);
        var agenda = await Host.Client.GetStringAsync("board/agenda.csv");
        Assert.DoesNotContain("Measure owned-by-the-strand", agenda, StringComparison.Ordinal);

        await AppliedAsync(new StrandAnnounced
        {
            StrandId = Strand, Revision = revision + 2, OccurredAt = DateTimeOffset.UtcNow, Number = 6, Name = "Homicide", Operation = "Specialist Crime",
            LeadRole = "DCS Homicide", Aim = ["Reduce homicide"], PagePath = "/strands/homicide",
        });

        var back = await SummaryAsync();
        Assert.Contains(Strand, back.Strands);
        Assert.Contains("owned-by-the-strand", back.Measures);
        Assert.True(back.Highlighted);
    }
}
