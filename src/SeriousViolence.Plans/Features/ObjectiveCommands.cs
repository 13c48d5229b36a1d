using Microsoft.EntityFrameworkCore;
using SeriousViolence.Plugins;
using SeriousViolence.Abstractions;
using SeriousViolence.Plans.Model;
using SeriousViolence.Platform.Messaging;
using SeriousViolence.Platform.Plugins;

namespace SeriousViolence.Plans.Features;

/// <summary>Adding and editing objectives. Every command checks the actor, validates, and publishes through the outbox.</summary>
public sealed class ObjectiveCommands(PlansDbContext db, PluginRegistry plugins, TimeProvider clock)
{
    public async Task<CommandResult<Objective>> AddAsync(Actor actor, string strandId, ObjectiveForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        AccessPolicy.Ensure(actor, Capability.ManageObjectives, strandId);
        db.ActingAs = actor;
        var validation = form.Validate();
        await CheckPartnersAsync(form, validation, cancellationToken);
        if (validation.Failed)
        {
            return CommandResult.Invalid<Objective>(validation.Errors);
        }

        var now = clock.GetUtcNow();
        var objective = new Objective
        {
            Id = Guid.CreateVersion7(now), StrandId = strandId, Text = form.Text, Revision = 1, CreatedAt = now, UpdatedAt = now,
            UpdatedBy = actor.DisplayName,
        };
        form.ApplyTo(objective);
        db.Objectives.Add(objective);
        Record(objective, actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok<Objective>(objective);
    }

    /// <summary>
    /// Saves an edit made to the objective as it was at <paramref name="expectedRevision"/>. If anyone saved it since,
    /// nothing is saved and the result says who changed what.
    /// </summary>
    public async Task<CommandResult<Objective>> UpdateAsync(Actor actor, Guid objectiveId, long expectedRevision, ObjectiveForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var objective = await db.Objectives.SingleOrDefaultAsync(o => o.Id == objectiveId, cancellationToken)
            ?? throw new KeyNotFoundException($"No objective {objectiveId}.");
        AccessPolicy.Ensure(actor, Capability.ManageObjectives, objective.StrandId);
        db.ActingAs = actor;
        if (objective.Revision != expectedRevision)
        {
            return CommandResult.Conflicted<Objective>(await ConflictAsync(objective, expectedRevision, cancellationToken));
        }

        var validation = form.Validate();
        await CheckPartnersAsync(form, validation, cancellationToken);
        if (validation.Failed)
        {
            return CommandResult.Invalid<Objective>(validation.Errors);
        }

        form.ApplyTo(objective);
        Changed(objective, actor, clock.GetUtcNow());
        try
        {
            // The revision is the concurrency token: the UPDATE matches only if nobody saved in between.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Objectives.AsNoTracking().SingleAsync(o => o.Id == objectiveId, cancellationToken);
            return CommandResult.Conflicted<Objective>(await ConflictAsync(current, expectedRevision, cancellationToken));
        }

        return CommandResult.Ok<Objective>(objective);
    }

    /// <summary>
    /// Everything a change to an existing objective entails: the next revision, who and when, the history row and the
    /// Board's message, all in the caller's save. Every command that changes an objective goes through here.
    /// </summary>
    internal void Changed(Objective objective, Actor actor, DateTimeOffset now)
    {
        objective.Revision++;
        objective.UpdatedAt = now;
        objective.UpdatedBy = actor.DisplayName;
        Record(objective, actor, now);
    }

    /// <summary>Adds the revision to the history and queues the Board's message, in the same save.</summary>
    internal void Record(Objective objective, Actor actor, DateTimeOffset now)
    {
        db.ObjectiveHistory.Add(new ObjectiveHistory
        {
            ObjectiveId = objective.Id, Revision = objective.Revision, Snapshot = ObjectiveState.Of(objective).ToJson(), ChangedBy = actor.DisplayName, ChangedAt = now,
        });
        db.Enqueue(objective.ToMessage(now), now, plugins.ModuleFor(objective.StrandId));
    }

    private async Task<EditConflict> ConflictAsync(Objective current, long expectedRevision, CancellationToken cancellationToken)
    {
        var started = await db.ObjectiveHistory.AsNoTracking()
            .SingleOrDefaultAsync(h => h.ObjectiveId == current.Id && h.Revision == expectedRevision, cancellationToken);
        var changes = started is null ? [] : ObjectiveState.FromJson(started.Snapshot).Differences(ObjectiveState.Of(current));
        return new EditConflict(expectedRevision, current.Revision, current.UpdatedBy, current.UpdatedAt, changes);
    }

    /// <summary>Shared only with partners the strategy names, spelled as the partners list spells them.</summary>
    private async Task CheckPartnersAsync(ObjectiveForm form, Validation validation, CancellationToken cancellationToken)
    {
        var named = form.SharedWith.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (named.Length == 0)
        {
            return;
        }

        var known = await db.Partners.Select(p => p.Name).ToListAsync(cancellationToken);
        foreach (var partner in named.Where(n => !known.Contains(n, StringComparer.Ordinal)))
        {
            validation.Add(nameof(ObjectiveForm.SharedWith), $"'{partner}' is not in the partners list.");
        }
    }
}
