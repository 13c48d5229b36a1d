using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Contracts;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>
/// The Board's projections of the dashboard's messages: each message applied once, and a message older than what the
/// Board holds changes nothing, whatever order they arrive in.
/// </summary>
public sealed class BoardProjectionTests : HostedTest
{
    private static readonly Guid ObjectiveId = Guid.Parse("0190e2f6-0000-7000-8000-000000000001");

    private async Task<Guid> PublishAsync(object message, Guid? messageId = null)
    {
        var id = messageId ?? Guid.NewGuid();
        await Host.Services.GetRequiredService<IBus>().Publish(message, message.GetType(), Pipe.Execute<PublishContext>(c => c.MessageId = id));
        return id;
    }

    /// <summary>Waits until the Board's inbox has recorded every one of the message ids.</summary>
    private Task<long> AppliedAsync(params Guid[] ids) =>
        Eventually.WaitForAsync(
            () => Db.ScalarAsync<long>($"SELECT count(*) FROM board.processed_messages WHERE message_id IN ({string.Join(',', ids.Distinct().Select(i => $"'{i}'"))})"),
            n => n == ids.Distinct().Count(),
            "the messages consumed");

    private static QuarterlyUpdateSubmitted Submission(long revision, int updateRevision, string narrative) => new()
    {
        StrandId = "jigsaw", Quarter = "2026/27 Q2", Revision = revision, OccurredAt = DateTimeOffset.UtcNow, ObjectivesUpdated = 1, ObjectivesCarriedForward = 0,
        SubmittedBy = "DCS Jigsaw",
        Updates =
        [
            new SubmittedObjectiveUpdate
            {
                ObjectiveId = ObjectiveId, Revision = updateRevision, CarriedForward = false, Rag = "Amber", PercentComplete = 10 * updateRevision,
                Narrative = narrative, SubmittedAt = DateTimeOffset.UtcNow, SubmittedBy = "DCS Jigsaw",
            },
        ],
    };

    [Fact]
    public async Task A_corrected_quarterly_update_stands_when_the_original_arrives_after_it()
    {
        var corrected = await PublishAsync(Submission(2, 2, "Corrected: protocol signed."));
        await AppliedAsync(corrected);
        var original = await PublishAsync(Submission(1, 1, "Protocol drafted."));
        await AppliedAsync(original);

        Assert.Equal("Corrected: protocol signed.|2|20", await Db.ScalarAsync<string>(
            $"SELECT narrative || '|' || revision || '|' || percent_complete FROM board.objective_updates WHERE objective_id = '{ObjectiveId}'"));
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT revision FROM board.quarterly_submissions WHERE strand_id = 'jigsaw' AND quarter = '2026/27 Q2'"));
    }

    [Fact]
    public async Task A_quarterly_submission_delivered_twice_is_recorded_once()
    {
        var id = Guid.NewGuid();
        await PublishAsync(Submission(1, 1, "Once."), id);
        await PublishAsync(Submission(1, 1, "Once."), id);
        var later = await PublishAsync(Submission(2, 2, "Twice."));
        await AppliedAsync(id, later);

        Assert.Equal(1L, await Db.ScalarAsync<long>($"SELECT count(*) FROM board.processed_messages WHERE message_id = '{id}'"));
        Assert.Equal("Twice.", await Db.ScalarAsync<string>($"SELECT narrative FROM board.objective_updates WHERE objective_id = '{ObjectiveId}'"));
    }

    [Fact]
    public async Task An_older_announcement_of_the_strategy_or_a_measure_does_not_overwrite_a_newer_one()
    {
        static StrategyAnnounced Strategy(long revision, string aim) => new()
        {
            Revision = revision, OccurredAt = DateTimeOffset.UtcNow, Aim = aim, KeyOutcomes = [new AnnouncedKeyOutcome { Number = 1, Text = "Reduce the incidence of Homicide" }],
            Themes = [], Partners = [], Operations = [], BoroughSets = [],
        };
        static MeasureDefined Measure(long revision, string name) => new()
        {
            MeasureCode = "test-measure", Revision = revision, OccurredAt = DateTimeOffset.UtcNow, Name = name, Unit = "count", Polarity = "lower-is-better",
            Frequency = "monthly", KeyOutcomes = [1], StrandIds = ["homicide"],
        };

        await AppliedAsync(await PublishAsync(Strategy(100_000, "newer aim")), await PublishAsync(Measure(5, "Newer name")));
        await AppliedAsync(await PublishAsync(Strategy(99_999, "older aim")), await PublishAsync(Measure(3, "Older name")));

        Assert.Equal("newer aim", await Db.ScalarAsync<string>("SELECT content->>'aim' FROM board.strategy"));
        Assert.Equal("Newer name|5", await Db.ScalarAsync<string>("SELECT name || '|' || revision FROM board.measures WHERE measure_code = 'test-measure'"));
    }

    [Fact]
    public async Task An_objective_s_owner_partners_and_boroughs_reach_the_board_and_an_older_revision_does_not_undo_them()
    {
        static RipeActionUpdated Objective(long revision, string owner, IReadOnlyList<string> partners) => new()
        {
            StrandId = "gangs-criminal-networks", ObjectiveId = ObjectiveId, Revision = revision, OccurredAt = DateTimeOffset.UtcNow, Ripe = ["Enforcement"], Years = [1],
            Status = "OnTrack", Rag = "Green", PercentComplete = 40, Themes = ["guns"], Text = "Disrupt the networks", Owner = owner, Partners = partners,
            Boroughs = ["Lambeth", "Southwark"],
        };

        await AppliedAsync(await PublishAsync(Objective(4, "DI Newer", ["CPS", "Probation"])));
        await AppliedAsync(await PublishAsync(Objective(2, "DI Older", [])));

        Assert.Equal("DI Newer|{CPS,Probation}|{Lambeth,Southwark}|4", await Db.ScalarAsync<string>(
            $"SELECT owner || '|' || partners::text || '|' || boroughs::text || '|' || revision FROM board.objectives WHERE objective_id = '{ObjectiveId}'"));
    }
}
