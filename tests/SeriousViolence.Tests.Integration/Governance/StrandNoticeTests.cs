using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Contracts;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration.Governance;

/// <summary>
/// A strand's notice reaches the strand's leads once, however often it is delivered, and a notice can never carry a
/// link out of the strand's own pages or text the bell and the mail cannot show.
/// </summary>
public sealed class StrandNoticeTests : HostedTest
{
    private async Task DeliveredAsync(StrandNoticeRaised notice, Guid messageId)
    {
        await Host.Services.GetRequiredService<IBus>().Publish(notice, Pipe.Execute<PublishContext>(c => c.MessageId = messageId));
        await Eventually.WaitForAsync(
            () => Db.ScalarAsync<long>($"SELECT count(*) FROM governance.processed_messages WHERE message_id = '{messageId}'"), n => n == 1, "the notice consumed");
    }

    [Fact]
    public async Task A_notice_is_told_to_the_strands_leads_once_with_its_link_kept_inside_the_strand()
    {
        var notice = new StrandNoticeRaised
        {
            NoticeId = Guid.NewGuid(), StrandId = "homicide", OccurredAt = DateTimeOffset.UtcNow, Subject = "FIU deadline near: FIU-000042",
            Body = "FIU-000042 must be answered by 3 Dec 2026 09:00.", Link = "/strands/homicide/fiu",
        };
        var messageId = Guid.NewGuid();
        await DeliveredAsync(notice, messageId);
        await DeliveredAsync(notice, messageId);

        // The host's operator is the one person holding the Homicide lead role; delivered twice, told once.
        Assert.Equal(
            ["FIU deadline near: FIU-000042|/strands/homicide/fiu"],
            await Db.ColumnAsync("SELECT subject || '|' || link FROM governance.notifications WHERE subject LIKE '%FIU-000042'"));
        Assert.Equal(
            ["operator@test.invalid|FIU-000042 must be answered by 3 Dec 2026 09:00.\n\n/strands/homicide/fiu"],
            await Db.ColumnAsync("SELECT recipient_email || '|' || body FROM governance.email_outbox WHERE subject = 'FIU deadline near: FIU-000042'"));
    }

    [Fact]
    public async Task A_notice_with_a_link_elsewhere_and_hostile_text_is_told_without_the_link_and_with_the_text_made_safe()
    {
        await DeliveredAsync(new StrandNoticeRaised
        {
            NoticeId = Guid.NewGuid(), StrandId = "homicide", OccurredAt = DateTimeOffset.UtcNow, Subject = "Breach\0 at\u001b[31m FIU-000043\nnow",
            Body = new string('x', 10_000), Link = "https://elsewhere.example/strands/homicide",
        }, Guid.NewGuid());
        await DeliveredAsync(new StrandNoticeRaised
        {
            NoticeId = Guid.NewGuid(), StrandId = "homicide", OccurredAt = DateTimeOffset.UtcNow, Subject = "Another strand's link FIU-000044",
            Body = "Body", Link = "/strands/gbh/returns",
        }, Guid.NewGuid());

        Assert.Equal(
            ["Another strand's link FIU-000044|(none)|4", "Breach at[31m FIU-000043now|(none)|2000"],
            await Db.ColumnAsync("SELECT subject || '|' || coalesce(link, '(none)') || '|' || length(body) FROM governance.notifications WHERE subject LIKE '%FIU-00004%' ORDER BY subject"));
    }
}
