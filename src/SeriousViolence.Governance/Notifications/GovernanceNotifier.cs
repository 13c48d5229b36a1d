using SeriousViolence.Governance.People;

namespace SeriousViolence.Governance.Notifications;

/// <summary>
/// Tells people something: an in-app notification each, and an e-mail (through the outbox) to those with an address.
/// Adds rows to the caller's context without saving, so the notice commits with the change it reports.
/// </summary>
public sealed class GovernanceNotifier(GovernanceDbContext db, NotificationSignal signal)
{
    private bool _listening;

    public void Notify(IEnumerable<GovernanceRecipient> recipients, string subject, string body, string? link, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        if (!_listening)
        {
            // Once the notices are saved, open bells refresh (a job signals again when its transaction commits).
            db.SavedChanges += (_, _) => signal.Raise();
            _listening = true;
        }

        foreach (var recipient in recipients.DistinctBy(r => r.UserId))
        {
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(now), RecipientId = recipient.UserId, Subject = subject, Body = body, Link = link, CreatedAt = now,
            });
            if (recipient.Email is { } email)
            {
                db.EmailOutbox.Add(new OutgoingEmail
                {
                    Id = Guid.CreateVersion7(now), RecipientEmail = email, RecipientName = recipient.Name, Subject = subject,
                    Body = link is null ? body : body + "\n\n" + link, CreatedAt = now, NextAttemptAt = now,
                });
            }
        }
    }
}
