using MassTransit;
using Microsoft.EntityFrameworkCore;
using SeriousViolence.Plugins;
using SeriousViolence.Contracts;
using SeriousViolence.Platform.Messaging;

namespace SeriousViolence.Board.ReadModel;

/// <summary>Keeps the Board's copy of each objective at its newest revision. Idempotent; tolerant of order.</summary>
public sealed class RipeActionUpdatedConsumer(BoardDbContext db, BoardNotifier notifier, TimeProvider clock) : IConsumer<RipeActionUpdated>
{
    public async Task Consume(ConsumeContext<RipeActionUpdated> context)
    {
        var m = context.Message;
        var now = clock.GetUtcNow();
        await BoardInbox.ApplyOnceAsync(db, notifier, context, nameof(RipeActionUpdatedConsumer), now, async () =>
        {
            var row = await db.Objectives
                .FromSqlRaw("SELECT * FROM board.objectives WHERE objective_id = {0} FOR UPDATE", m.ObjectiveId)
                .SingleOrDefaultAsync(context.CancellationToken);
            var changed = row is null || m.Revision > row.Revision;
            if (row is null)
            {
                row = new BoardObjective { ObjectiveId = m.ObjectiveId, StrandId = m.StrandId, Status = m.Status, Text = m.Text };
                db.Objectives.Add(row);
            }

            if (changed)
            {
                row.StrandId = m.StrandId;
                row.Revision = m.Revision;
                row.Ripe = [.. m.Ripe];
                row.Years = [.. m.Years];
                row.Status = m.Status;
                row.Rag = m.Rag;
                row.PercentComplete = m.PercentComplete;
                row.Themes = [.. m.Themes];
                row.Text = m.Text;
                row.DueQuarter = m.DueQuarter;
                row.Owner = m.Owner;
                row.Partners = [.. m.Partners ?? []];
                row.Boroughs = [.. m.Boroughs ?? []];
                row.OccurredAt = m.OccurredAt;
                row.ReceivedAt = now;
            }

            return changed;
        });
    }
}

/// <summary>Records each strand's latest quarterly submission per quarter.</summary>
public sealed class QuarterlyUpdateSubmittedConsumer(BoardDbContext db, BoardNotifier notifier, TimeProvider clock) : IConsumer<QuarterlyUpdateSubmitted>
{
    public async Task Consume(ConsumeContext<QuarterlyUpdateSubmitted> context)
    {
        var m = context.Message;
        await BoardInbox.ApplyOnceAsync(db, notifier, context, nameof(QuarterlyUpdateSubmittedConsumer), clock.GetUtcNow(), async () =>
        {
            var row = await db.Submissions
                .FromSqlRaw("SELECT * FROM board.quarterly_submissions WHERE strand_id = {0} AND quarter = {1} FOR UPDATE", m.StrandId, m.Quarter)
                .SingleOrDefaultAsync(context.CancellationToken);
            var changed = row is null || m.Revision > row.Revision;
            if (row is null)
            {
                row = new BoardSubmission { StrandId = m.StrandId, Quarter = m.Quarter, SubmittedBy = m.SubmittedBy };
                db.Submissions.Add(row);
            }

            if (changed)
            {
                row.Revision = m.Revision;
                row.ObjectivesUpdated = m.ObjectivesUpdated;
                row.ObjectivesCarriedForward = m.ObjectivesCarriedForward;
                row.SubmittedBy = m.SubmittedBy;
                row.OccurredAt = m.OccurredAt;
            }

            // Each objective's update carries its own revision, so a correction resubmitted later wins however the
            // messages are ordered, and a late older submission changes nothing.
            var updates = m.Updates ?? [];
            if (updates.Count > 0)
            {
                var ids = updates.Select(u => u.ObjectiveId).ToList();
                var held = await db.ObjectiveUpdates.Where(u => u.Quarter == m.Quarter && ids.Contains(u.ObjectiveId))
                    .ToDictionaryAsync(u => u.ObjectiveId, context.CancellationToken);
                foreach (var u in updates)
                {
                    if (!held.TryGetValue(u.ObjectiveId, out var h))
                    {
                        h = new BoardObjectiveUpdate { ObjectiveId = u.ObjectiveId, Quarter = m.Quarter, StrandId = m.StrandId, Narrative = u.Narrative, SubmittedBy = m.SubmittedBy };
                        db.ObjectiveUpdates.Add(h);
                    }
                    else if (u.Revision <= h.Revision)
                    {
                        continue;
                    }

                    h.Revision = u.Revision;
                    h.CarriedForward = u.CarriedForward;
                    h.Rag = u.Rag;
                    h.PercentComplete = u.PercentComplete;
                    h.Narrative = u.Narrative;
                    h.SubmittedBy = u.SubmittedBy;
                    h.SubmittedAt = u.SubmittedAt;
                    changed = true;
                }
            }

            return changed;
        });
    }
}
