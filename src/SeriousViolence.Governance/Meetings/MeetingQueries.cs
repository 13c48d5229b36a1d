using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;

namespace SeriousViolence.Governance.Meetings;

public sealed record MeetingView(Meeting Meeting, IReadOnlyList<AgendaItem> Agenda, IReadOnlyList<Decision> Decisions, IReadOnlyList<ActionArising> Actions);

public sealed class MeetingQueries(GovernanceDbContext db)
{
    public async Task<IReadOnlyList<Meeting>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.ViewBoard);
        return await db.Meetings.AsNoTracking().OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.CreatedAt).ToListAsync(cancellationToken);
    }

    public async Task<MeetingView?> GetAsync(Actor actor, Guid meetingId, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.ViewBoard);
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        return new MeetingView(
            meeting,
            await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == meetingId).OrderBy(a => a.Position).ToListAsync(cancellationToken),
            await db.Decisions.AsNoTracking().Where(d => d.MeetingId == meetingId).OrderBy(d => d.RecordedAt).ToListAsync(cancellationToken),
            await db.ActionsArising.AsNoTracking().Where(a => a.MeetingId == meetingId).OrderBy(a => a.RaisedAt).ToListAsync(cancellationToken));
    }

    /// <summary>The strand's actions arising, open ones first: its workspace shows them beside the objectives.</summary>
    public async Task<IReadOnlyList<ActionArising>> ForStrandAsync(Actor actor, string strandId, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.ViewBoard);
        var actions = await db.ActionsArising.AsNoTracking().Where(a => a.StrandId == strandId).ToListAsync(cancellationToken);
        return [.. actions.OrderBy(a => a.IsClosed).ThenBy(a => a.DueOn)];
    }
}
