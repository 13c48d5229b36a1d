using System.Net;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Contracts;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>
/// A strand's highlights (StrandHighlightsPublished) reach the Board, which shows them on the strand's card, its Board
/// page and the summary API without knowing what they mean; the newest revision wins whatever the order of arrival.
/// </summary>
public sealed class BoardHighlightTests : HostedTest
{
    private const string Strand = "gangs-criminal-networks";

    protected override Task ArrangeAsync() =>
        Eventually.WaitForAsync(() => Db.ScalarAsync<long>("SELECT count(*) FROM board.strands"), n => n == 8, "the strands announced");

    private async Task<Guid> PublishAsync(object message, Guid? messageId = null)
    {
        var id = messageId ?? Guid.NewGuid();
        await Host.Services.GetRequiredService<IBus>().Publish(message, message.GetType(), Pipe.Execute<PublishContext>(c => c.MessageId = id));
        return id;
    }

    private Task<long> AppliedAsync(params Guid[] ids) =>
        Eventually.WaitForAsync(
            () => Db.ScalarAsync<long>($"SELECT count(*) FROM board.processed_messages WHERE message_id IN ({string.Join(',', ids.Distinct().Select(i => $"'{i}'"))})"),
            n => n == ids.Distinct().Count(),
            "the messages consumed");

    internal static StrandHighlightsPublished Highlights(string strandId, long revision, string value, string title = "Disruptions this quarter", string? link = "/strands/gangs-criminal-networks", string marking = "OFFICIAL") => new()
    {
        StrandId = strandId, Revision = revision, OccurredAt = DateTimeOffset.UtcNow,
        Highlights =
        [
            new StrandHighlight
            {
                Key = "disruptions-quarter", Title = title, Status = "concern", Link = link, Marking = marking,
                Figures = [new HighlightFigure { Label = "Disruptions", Value = value }, new HighlightFigure { Label = "Target", Value = "12" }],
            },
        ],
    };

    private async Task<JsonElement> SummaryStrandAsync(string strandId)
    {
        using var summary = JsonDocument.Parse(await Host.Client.GetStringAsync("api/board/summary"));
        return summary.RootElement.GetProperty("strands").EnumerateArray().Single(s => s.GetProperty("strandId").GetString() == strandId).Clone();
    }

    [Fact]
    public async Task A_strand_s_highlights_are_shown_on_its_card_its_board_page_and_the_summary_api()
    {
        await AppliedAsync(await PublishAsync(Highlights(Strand, 1, "14", marking: "OFFICIAL-SENSITIVE")));

        var highlight = (await SummaryStrandAsync(Strand)).GetProperty("highlights").EnumerateArray().Single();
        Assert.Equal("Disruptions this quarter", highlight.GetProperty("title").GetString());
        Assert.Equal("concern", highlight.GetProperty("status").GetString());
        Assert.Equal("OFFICIAL-SENSITIVE", highlight.GetProperty("marking").GetString());
        Assert.Equal(["Disruptions 14", "Target 12"], highlight.GetProperty("figures").EnumerateArray().Select(f => $"{f.GetProperty("label").GetString()} {f.GetProperty("value").GetString()}"));
        Assert.Empty((await SummaryStrandAsync("jigsaw")).GetProperty("highlights").EnumerateArray());

        var board = await Host.Client.GetStringAsync("board");
        var card = board[board.IndexOf($"class=\"card\" data-strand=\"{Strand}\"", StringComparison.Ordinal)..]; // not the strand's pages in the navigation
        card = card[..card.IndexOf("</article>", StringComparison.Ordinal)];
        Assert.Contains("data-highlight=\"disruptions-quarter\"", card, StringComparison.Ordinal);
        Assert.Contains("Of concern", card, StringComparison.Ordinal); // the status in words, not colour alone
        Assert.Contains("OFFICIAL-SENSITIVE", card, StringComparison.Ordinal);
        Assert.Contains("href=\"strands/gangs-criminal-networks\"", card, StringComparison.Ordinal);

        var page = await Host.Client.GetStringAsync($"board/strands/{Strand}");
        Assert.Contains("id=\"strand-highlights\"", page, StringComparison.Ordinal);
        Assert.Contains("<dd>14</dd>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_newer_revision_replaces_the_highlights_and_an_older_or_redelivered_message_changes_nothing()
    {
        var first = await PublishAsync(Highlights(Strand, 1, "9"));
        await AppliedAsync(first);
        await AppliedAsync(await PublishAsync(Highlights(Strand, 3, "14")));
        await AppliedAsync(await PublishAsync(Highlights(Strand, 2, "11")));
        await PublishAsync(Highlights(Strand, 1, "9"), first);
        var marker = await PublishAsync(Highlights("jigsaw", 1, "1"));
        await AppliedAsync(marker); // published after the redelivery: once it is applied, the redelivery has been seen

        Assert.Equal("3|14", await Db.ScalarAsync<string>($"SELECT revision || '|' || (highlights->0->'figures'->0->>'value') FROM board.strand_highlights WHERE strand_id = '{Strand}'"));
        Assert.Equal(1L, await Db.ScalarAsync<long>($"SELECT count(*) FROM board.processed_messages WHERE message_id = '{first}'"));
        Assert.Equal("14", (await SummaryStrandAsync(Strand)).GetProperty("highlights")[0].GetProperty("figures")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task A_highlight_s_text_is_shown_as_text_and_its_link_is_followed_only_inside_the_platform()
    {
        await AppliedAsync(await PublishAsync(Highlights(Strand, 1, "<b>14</b>", title: "<script>alert(1)</script>", link: "javascript:alert(1)")));

        var board = await Host.Client.GetStringAsync("board");

        Assert.DoesNotContain("<script>alert(1)", board, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode("<script>alert(1)</script>"), board, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>14</b>", board, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_register_of_a_strand_publishes_its_own_highlights_and_one_raised_for_the_Board_is_on_its_agenda()
    {
        var returns = Highlights("jigsaw", 1, "12") with { Source = "returns:mappa" };
        var overdue = new StrandHighlightsPublished
        {
            StrandId = "jigsaw", Source = "reviews", Revision = 1, OccurredAt = DateTimeOffset.UtcNow,
            Highlights =
            [
                new StrandHighlight
                {
                    Key = "reviews-overdue", Title = "Case review actions", Status = "concern", Link = "/strands/jigsaw",
                    Agenda = "2 case review actions overdue", Figures = [new HighlightFigure { Label = "Overdue", Value = "2" }],
                },
            ],
        };
        await AppliedAsync(await PublishAsync(returns), await PublishAsync(overdue));
        // A later publication of one source replaces only that source's highlights.
        await AppliedAsync(await PublishAsync(Highlights("jigsaw", 2, "13") with { Source = "returns:mappa" }));

        var highlights = (await SummaryStrandAsync("jigsaw")).GetProperty("highlights").EnumerateArray().ToList();
        Assert.Equal(["Case review actions", "Disruptions this quarter"], highlights.Select(h => h.GetProperty("title").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("13", highlights.Single(h => h.GetProperty("title").GetString() == "Disruptions this quarter").GetProperty("figures")[0].GetProperty("value").GetString());
        var agenda = await Host.Client.GetStringAsync("board/agenda");
        Assert.Contains("2 case review actions overdue", agenda, StringComparison.Ordinal);
        Assert.Contains("href=\"strands/jigsaw\"", agenda, StringComparison.Ordinal);
    }
}
