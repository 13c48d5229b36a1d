using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SeriousViolence.Plugins;
using SeriousViolence.Abstractions;
using SeriousViolence.Contracts;
using SeriousViolence.Governance.Snapshots;
using SeriousViolence.Platform.Messaging;

namespace SeriousViolence.Governance.Cycle;

/// <summary>
/// Learns of every quarterly submission from Plans' QuarterlyUpdateSubmitted (never from plans.* tables). Each revision
/// is kept once; one made after the quarter's deadline is marked late, and one made after the quarter record was
/// taken is appended to the record as a revision with its reason. Idempotent by message id and by revision.
/// </summary>
public sealed class GovernanceSubmissionConsumer(GovernanceDbContext db, QuarterSnapshots snapshots, IOptions<CycleSettings> settings, TimeProvider clock)
    : IConsumer<QuarterlyUpdateSubmitted>
{
    public async Task Consume(ConsumeContext<QuarterlyUpdateSubmitted> context)
    {
        var m = context.Message;
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{nameof(GovernanceSubmissionConsumer)} needs a MessageId to stay idempotent.");
        var now = clock.GetUtcNow();
        var ct = context.CancellationToken;
        db.ActingAs = SeriousViolence.Abstractions.Actor.System;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await Inbox.TryRecordAsync(db, messageId, nameof(GovernanceSubmissionConsumer), now, ct))
        {
            return;
        }

        var exists = await db.Submissions.AnyAsync(s => s.Quarter == m.Quarter && s.StrandId == m.StrandId && s.Revision == m.Revision, ct);
        if (!exists)
        {
            var quarter = await db.Quarters.AsNoTracking().SingleOrDefaultAsync(q => q.Quarter == m.Quarter, ct);
            // A quarter the cycle has not reached yet still has a deadline: the configured one.
            var deadline = quarter?.DeadlineAt ?? QuarterTimetable.For(FinancialQuarter.Parse(m.Quarter), settings.Value).DeadlineAt;
            var submission = new StrandSubmission
            {
                Quarter = m.Quarter, StrandId = m.StrandId, Revision = m.Revision, SubmittedBy = m.SubmittedBy, SubmittedAt = m.OccurredAt,
                ObjectivesUpdated = m.ObjectivesUpdated, ObjectivesCarriedForward = m.ObjectivesCarriedForward,
                Late = m.OccurredAt > deadline, ReceivedAt = now,
            };
            db.Submissions.Add(submission);
            await db.SaveChangesAsync(ct);
            if (quarter?.SnapshotId is { } snapshotId)
            {
                var what = submission.Revision == 1 ? "Late submission" : $"Resubmission (revision {submission.Revision})";
                await snapshots.RecordRevisionAsync(
                    snapshotId,
                    $"{what} by {m.StrandId} after the quarter was locked, submitted by {m.SubmittedBy} at {m.OccurredAt:yyyy-MM-dd HH:mm} UTC.",
                    new { submission.StrandId, submission.Revision, submission.SubmittedBy, submission.SubmittedAt, submission.ObjectivesUpdated, submission.ObjectivesCarriedForward, submission.Late },
                    now,
                    ct);
            }
        }

        await transaction.CommitAsync(ct);
    }
}
