using Microsoft.EntityFrameworkCore;
using SeriousViolence.Plugins;
using SeriousViolence.Contracts;
using SeriousViolence.Plans.Model;
using SeriousViolence.Plans.Seeding;
using SeriousViolence.Platform.Messaging;
using SeriousViolence.Platform.Plugins;
using SeriousViolence.Platform.Startup;

namespace SeriousViolence.Plans;

/// <summary>
/// Publishes the strategy's shared content, every objective's current state and every quarterly submission (with each
/// objective's latest update for the quarter) again, through the outbox. Only the loaded strands' objectives and
/// submissions: a strand removed from configuration is withdrawn from the Board, and re-announcing would bring it back.
/// Each message names the strand's module (the strategy names none: it is Plans' own).
/// </summary>
public sealed class PlansAnnouncer(PlansDbContext db, PluginRegistry plugins, TimeProvider clock) : IStateAnnouncer
{
    public string What => "objectives";

    public async Task<int> AnnounceAllAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        db.Enqueue(await StrategyAsync(db, now, cancellationToken), now);
        var loaded = plugins.Strands.Select(s => s.Strand.Id).ToList();
        var objectives = await db.Objectives.AsNoTracking().Where(o => loaded.Contains(o.StrandId)).OrderBy(o => o.StrandId).ThenBy(o => o.CreatedAt).ToListAsync(cancellationToken);
        foreach (var objective in objectives)
        {
            db.Enqueue(objective.ToMessage(now), now, plugins.ModuleFor(objective.StrandId));
        }

        var submissions = await db.QuarterlySubmissions.AsNoTracking().Where(s => loaded.Contains(s.StrandId)).ToListAsync(cancellationToken);
        var updates = (await db.QuarterlyUpdates.AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(u => (u.StrandId, u.Quarter))
            .ToDictionary(g => g.Key, g => g.GroupBy(u => u.ObjectiveId).Select(o => o.MaxBy(u => u.Revision)!).ToList());
        foreach (var s in submissions)
        {
            db.Enqueue(new QuarterlyUpdateSubmitted
            {
                StrandId = s.StrandId, Quarter = s.Quarter, Revision = s.Revision, OccurredAt = now, ObjectivesUpdated = s.ObjectivesUpdated,
                ObjectivesCarriedForward = s.ObjectivesCarriedForward, SubmittedBy = s.SubmittedBy,
                Updates = [.. updates.GetValueOrDefault((s.StrandId, s.Quarter), []).Select(ToSubmitted)],
            }, now, plugins.ModuleFor(s.StrandId));
        }

        await db.SaveChangesAsync(cancellationToken);
        return objectives.Count;
    }

    /// <summary>Queues the strategy's shared content alone (after the operations register changed).</summary>
    public async Task AnnounceStrategyAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        db.Enqueue(await StrategyAsync(db, now, cancellationToken), now);
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static SubmittedObjectiveUpdate ToSubmitted(QuarterlyUpdate u) => new()
    {
        ObjectiveId = u.ObjectiveId, Revision = u.Revision, CarriedForward = u.CarriedForward, Rag = u.Rag?.ToString(),
        PercentComplete = u.PercentComplete, Narrative = u.Narrative, SubmittedAt = u.SubmittedAt, SubmittedBy = u.SubmittedBy,
    };

    /// <summary>
    /// The aim, key outcomes, themes, partners, operations and borough sets as they stand. Only the operations register
    /// is edited after seeding, and every edit bumps an operation's revision, so their sum is the content's revision.
    /// </summary>
    internal static async Task<StrategyAnnounced> StrategyAsync(PlansDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var strategy = await db.Strategy.AsNoTracking().SingleAsync(cancellationToken);
        var operations = await db.Operations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(cancellationToken);
        return new StrategyAnnounced
        {
            Revision = operations.Sum(o => o.Revision),
            OccurredAt = now,
            Aim = strategy.Aim,
            KeyOutcomes = [.. (await db.KeyOutcomes.AsNoTracking().OrderBy(k => k.Number).ToListAsync(cancellationToken))
                .Select(k => new AnnouncedKeyOutcome { Number = k.Number, Text = k.Text })],
            Themes = [.. (await db.Themes.AsNoTracking().ToListAsync(cancellationToken))
                .Select(t => new AnnouncedTheme { Code = t.Code, Name = t.Name, Kind = t.Kind })],
            Partners = [.. (await db.Partners.AsNoTracking().OrderBy(p => p.Position).ToListAsync(cancellationToken))
                .Select(p => new AnnouncedPartner { Name = p.Name, FullName = p.FullName })],
            Operations = [.. operations.Select(o => new AnnouncedOperation
            {
                Code = o.Code, Name = o.Name, Kind = o.Kind, Description = o.Description, StrandIds = [.. o.Strands], Boroughs = [.. o.Boroughs],
                Partners = [.. o.Partners], Revision = o.Revision,
            })],
            BoroughSets = [.. (await db.BoroughSets.AsNoTracking().OrderBy(b => b.Code).ToListAsync(cancellationToken))
                .Select(b => new AnnouncedBoroughSet { Code = b.Code, Name = b.Name, Description = b.Description, StatedCount = b.StatedCount, Boroughs = [.. b.Boroughs] })],
        };
    }
}

/// <summary>
/// At start-up: seed, and tell the Board the strategy's content; on a start that seeded nothing new, re-announce
/// everything so the Board catches up after a restart.
/// </summary>
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
        else
        {
            await announcer.AnnounceStrategyAsync(cancellationToken);
        }
    }
}
