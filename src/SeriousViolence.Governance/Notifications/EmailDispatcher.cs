using System.Net;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeriousViolence.Governance.Scheduling;

namespace SeriousViolence.Governance.Notifications;

/// <summary>Configuration section <c>Governance:Smtp</c>. No host: mail stays in the outbox until one is configured.</summary>
public sealed class SmtpSettings
{
    public const string Section = "Governance:Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public bool EnableSsl { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "serious-violence-board@met.police.uk";

    public string FromName { get; set; } = "Serious Violence Strategy Board";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// Sends the e-mail outbox, oldest first, through SMTP (System.Net.Mail: MailKit is not in the registry). A message is
/// marked sent only after the server accepted it; when the server cannot be reached the pass stops and the message
/// waits, with a growing delay, so an outage loses nothing and floods nothing when it ends.
/// </summary>
public sealed class EmailDispatcher(GovernanceDbContext db, IOptions<SmtpSettings> options, TimeProvider clock, ILogger<EmailDispatcher> logger)
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(30);

    public async Task<string> SendDueAsync(CancellationToken cancellationToken)
    {
        db.ActingAs = SeriousViolence.Abstractions.Actor.System;
        var settings = options.Value;
        var now = clock.GetUtcNow();
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            var waiting = await db.EmailOutbox.CountAsync(m => m.SentAt == null, cancellationToken);
            return $"No SMTP host configured ({SmtpSettings.Section}:Host); {waiting} e-mail(s) waiting.";
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // SKIP LOCKED: a second dispatcher (another instance, a manual run) takes other messages or none.
        var due = await db.EmailOutbox
            .FromSqlRaw("SELECT * FROM governance.email_outbox WHERE sent_at IS NULL AND next_attempt_at <= {0} ORDER BY seq LIMIT 100 FOR UPDATE SKIP LOCKED", now)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return "No e-mail due.";
        }

        var sent = 0;
        using var client = new SmtpClient(settings.Host, settings.Port)
        {
            EnableSsl = settings.EnableSsl,
            Timeout = (int)settings.Timeout.TotalMilliseconds,
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (!string.IsNullOrEmpty(settings.Username))
        {
            client.Credentials = new NetworkCredential(settings.Username, settings.Password);
        }

        string? stoppedBy = null;
        foreach (var message in due)
        {
            try
            {
                using var mail = new MailMessage(new MailAddress(settings.From, settings.FromName), new MailAddress(message.RecipientEmail, message.RecipientName))
                {
                    Subject = message.Subject,
                    Body = message.Body,
                };
                mail.Headers.Add("X-SeriousViolence-Message-Id", message.Id.ToString());
                await client.SendMailAsync(mail, cancellationToken);
                message.SentAt = clock.GetUtcNow();
                message.Attempts++;
                message.LastError = null;
                sent++;
            }
            catch (SmtpException ex)
            {
                message.Attempts++;
                message.LastError = ex.Message;
                var delay = TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, 15 * Math.Pow(2, Math.Min(message.Attempts - 1, 10))));
                message.NextAttemptAt = now + delay;
                if (ex.StatusCode is SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.MailboxNameNotAllowed)
                {
                    // This recipient is refused; the others may still be delivered.
                    continue;
                }

                // The server is unreachable or failing: keep the rest for the next pass, in order.
                stoppedBy = ex.Message;
                break;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (stoppedBy is not null)
        {
            logger.LogWarning("E-mail outbox: SMTP server {Host}:{Port} failed ({Error}); {Waiting} e-mail(s) kept for the next pass", settings.Host, settings.Port, stoppedBy, due.Count - sent);
            return $"Sent {sent} of {due.Count} e-mail(s); the SMTP server failed ({stoppedBy}), the rest wait for the next pass.";
        }

        return $"Sent {sent} of {due.Count} e-mail(s).";
    }
}

/// <summary>Sends the e-mail outbox on its schedule.</summary>
public sealed class EmailOutboxJob(EmailDispatcher dispatcher, GovernanceDbContext db, ILogger<EmailOutboxJob> logger) : RecordedJob(db, logger)
{
    public const string Name = "email-outbox";

    protected override Task<string> RunAsync(CancellationToken cancellationToken) => dispatcher.SendDueAsync(cancellationToken);
}
