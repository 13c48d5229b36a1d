using MassTransit;
using Microsoft.Extensions.Logging;
using SeriousViolence.Contracts;
using SeriousViolence.Governance.People;
using SeriousViolence.Plugins;

namespace SeriousViolence.Governance.Notifications;

/// <summary>
/// Passes a strand's notice (<see cref="StrandNoticeRaised"/>) to each lead of that strand: an in-app notification and,
/// where the directory has their address, an e-mail through the outbox, committed with the inbox row so a redelivered
/// notice tells nobody twice. Text that could not be shown or sent safely (control characters, too long) is cut down to
/// what can be; a link outside the strand's own pages is dropped, so a notice can never point anyone elsewhere.
/// </summary>
public sealed class StrandNoticeConsumer(
    GovernanceDbContext db, GovernanceNotifier notifier, IGovernanceDirectory directory, TimeProvider clock, ILogger<StrandNoticeConsumer> logger)
    : IConsumer<StrandNoticeRaised>
{
    public const int SubjectMaxLength = 200;

    public const int BodyMaxLength = 2000;

    public async Task Consume(ConsumeContext<StrandNoticeRaised> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{nameof(StrandNoticeConsumer)} needs a MessageId to stay idempotent.");
        var now = clock.GetUtcNow();
        var ct = context.CancellationToken;
        db.ActingAs = SeriousViolence.Abstractions.Actor.System;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await Inbox.TryRecordAsync(db, messageId, nameof(StrandNoticeConsumer), now, ct))
        {
            return;
        }

        var leads = await directory.StrandLeadsAsync(m.StrandId, ct);
        if (leads.Count == 0)
        {
            logger.LogWarning("Strand {StrandId} raised the notice '{Subject}' but has no lead to tell (no user holds the role and Governance:Directory names nobody).", m.StrandId, Clean(m.Subject, SubjectMaxLength, false));
        }

        var link = m.Link is { } l && l.StartsWith($"/strands/{m.StrandId}", StringComparison.Ordinal) && l.All(c => c is > ' ' and < (char)127) ? l : null;
        notifier.Notify(leads, Clean(m.Subject, SubjectMaxLength, false), Clean(m.Body, BodyMaxLength, true), link, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static string Clean(string text, int max, bool lineBreaks)
    {
        var kept = new string([.. (text ?? "").Where(c => !char.IsControl(c) || (lineBreaks && c == '\n')).Where(c => !char.IsSurrogate(c))]).Trim();
        return kept.Length <= max ? kept : kept[..(max - 1)] + "…";
    }
}
