using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;

namespace SeriousViolence.Governance.Notifications;

/// <summary>The bell: each person's own notifications, unread first. Nobody reads or marks anyone else's.</summary>
public sealed class InAppNotifications(GovernanceDbContext db, TimeProvider clock)
{
    public Task<int> UnreadCountAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return db.Notifications.CountAsync(n => n.RecipientId == actor.Id && n.ReadAt == null, cancellationToken);
    }

    public async Task<IReadOnlyList<Notification>> RecentAsync(Actor actor, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await db.Notifications.AsNoTracking().Where(n => n.RecipientId == actor.Id)
            .OrderBy(n => n.ReadAt != null).ThenByDescending(n => n.CreatedAt).Take(take).ToListAsync(cancellationToken);
    }

    public async Task MarkReadAsync(Actor actor, Guid notificationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await db.Notifications.Where(n => n.Id == notificationId && n.RecipientId == actor.Id && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.GetUtcNow()), cancellationToken);
    }
}
