using Microsoft.EntityFrameworkCore;
using SeriousViolence.Contracts;
using SeriousViolence.Plans.Model;
using SeriousViolence.Plans.Seeding;
using SeriousViolence.Platform.Messaging;
using SeriousViolence.Platform.Startup;

namespace SeriousViolence.Plans;

/// <summary>Publishes every objective's current state and every quarterly submission again, through the outbox.</summary>
public sealed class PlansAnnouncer(PlansDbContext db, TimeProvider clock) : IStateAnnouncer
{
    public string What => "objectives";

    public async Task<int> AnnounceAllAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var objectives = await db.Objectives.AsNoTracking().OrderBy(o => o.StrandId).ThenBy(o => o.CreatedAt).ToListAsync(cancellationToken);
        foreach (var objective in objectives)
        {
            db.Enqueue(objective.ToMessage(now), now);
        }

        var submissions = await db.QuarterlySubmissions.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var s in submissions)
        {
            db.Enqueue(new QuarterlyUpdateSubmitted
            {
                StrandId = s.StrandId, Quarter = s.Quarter, Revision = s.Revision, OccurredAt = now, ObjectivesUpdated = s.ObjectivesUpdated,
                ObjectivesCarriedForward = s.ObjectivesCarriedForward, SubmittedBy = s.SubmittedBy,
            }, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return objectives.Count;
    }
}

/// <summary>At start-up: seed; on a start that seeded nothing new, re-announce so the Board catches up after a restart.</summary>
public sealed class PlansStartup(PlansSeeder seeder, PlansAnnouncer announcer, PlansDbContext db) : IStartupTask
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var before = await db.Objectives.CountAsync(cancellationToken);
        await seeder.RunAsync(cancellationToken);
        if (before > 0)
        {
            await announcer.AnnounceAllAsync(cancellationToken);
        }
    }
}
