using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Governance.Notifications;
using Xunit;

namespace SeriousViolence.Tests.Integration.Governance;

/// <summary>
/// E-mail goes out through a real SMTP server from the outbox: with the server down nothing is lost, and once it is
/// back every message is delivered, once.
/// </summary>
public sealed class EmailNotificationTests
{
    [Fact]
    public async Task Mail_written_while_the_server_is_down_is_delivered_once_it_returns()
    {
        await using var smtp = new LocalSmtpServer();
        await using var cycle = await CycleHost.StartAsync(
            new DateTimeOffset(2026, 6, 20, 9, 0, 0, TimeSpan.Zero),
            new Dictionary<string, string?> { ["Governance:Smtp:Host"] = "127.0.0.1", ["Governance:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await cycle.RunCycleAsync();
        cycle.Clock.Now = new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);
        await cycle.RunCycleAsync();
        // One to each strand's lead by configuration, and one per strand to the test host's operator, who leads them all.
        Assert.Equal(16L, await cycle.Db.ScalarAsync<long>("SELECT count(*) FROM governance.email_outbox WHERE sent_at IS NULL"));

        var down = await SendAsync(cycle);

        Assert.StartsWith("Sent 0 of 16 e-mail(s); the SMTP server failed", down, StringComparison.Ordinal);
        Assert.Equal(16L, await cycle.Db.ScalarAsync<long>("SELECT count(*) FROM governance.email_outbox WHERE sent_at IS NULL"));
        Assert.Equal(1L, await cycle.Db.ScalarAsync<long>("SELECT count(*) FROM governance.email_outbox WHERE last_error IS NOT NULL"));

        await smtp.StartAsync();
        cycle.Clock.Now = cycle.Clock.Now.AddMinutes(1);
        var up = await SendAsync(cycle);
        var again = await SendAsync(cycle);

        Assert.Equal("Sent 16 of 16 e-mail(s).", up);
        Assert.Equal("No e-mail due.", again);
        var received = smtp.Received().Where(m => !m.To.Contains("operator@test.invalid", StringComparison.Ordinal)).ToList();
        Assert.Equal(16, smtp.Received().Count);
        Assert.Equal(8, received.Count);
        Assert.Equal(
            CycleHost.Strands.Select(s => s + ".lead@example.police.uk").Order(),
            received.Select(m => m.To.Trim('<', '>').Split('<').Last().TrimEnd('>')).Order());
        var jigsaw = received.Single(m => m.To.Contains("jigsaw.lead@", StringComparison.Ordinal));
        Assert.Equal("2026/27 Q1: the quarterly update for Sex Offender Management (Jigsaw) is open", jigsaw.Subject);
        Assert.Contains("submit the quarter by 29 July 2026", jigsaw.Raw.Replace("=\n", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(0L, await cycle.Db.ScalarAsync<long>("SELECT count(*) FROM governance.email_outbox WHERE sent_at IS NULL"));
    }

    private static Task<string> SendAsync(CycleHost cycle) =>
        cycle.WithAsync(sp => sp.GetRequiredService<EmailDispatcher>().SendDueAsync(CancellationToken.None));
}
