using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;
using SeriousViolence.Plans.Model;

namespace SeriousViolence.Plans.Features;

/// <summary>
/// Milestones are part of their objective: adding, ticking or removing one is a change to the objective, so it takes
/// the objective's next revision, goes into its history and is announced like any other edit.
/// </summary>
public sealed class MilestoneCommands(PlansDbContext db, ObjectiveCommands objectives, TimeProvider clock)
{
    public async Task<CommandResult<Milestone>> AddAsync(Actor actor, Guid objectiveId, string title, DateOnly? dueDate, CancellationToken cancellationToken)
    {
        var objective = await LoadAsync(actor, Capability.ManageObjectives, objectiveId, cancellationToken);
        var v = new Validation();
        if (string.IsNullOrWhiteSpace(title))
        {
            v.Add("Title", "Name the milestone.");
        }
        else if (title.Length > 300)
        {
            v.Add("Title", "Keep the milestone to 300 characters.");
        }

        if (v.Failed)
        {
            return CommandResult.Invalid<Milestone>(v.Errors);
        }

        var milestone = new Milestone
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), ObjectiveId = objectiveId, Title = title.Trim(), DueDate = dueDate,
            Position = objective.Milestones.Count == 0 ? 1 : objective.Milestones.Max(m => m.Position) + 1,
        };
        // Added to the set, not only the navigation: with its key already set, EF would otherwise take it for an existing row.
        db.Milestones.Add(milestone);
        await ChangedAsync(objective, actor, cancellationToken);
        return CommandResult.Ok(milestone);
    }

    public async Task SetDoneAsync(Actor actor, Guid objectiveId, Guid milestoneId, bool done, CancellationToken cancellationToken)
    {
        var objective = await LoadAsync(actor, Capability.UpdateProgress, objectiveId, cancellationToken);
        var milestone = objective.Milestones.SingleOrDefault(m => m.Id == milestoneId) ?? throw new KeyNotFoundException($"No milestone {milestoneId} on objective {objectiveId}.");
        if (milestone.Done != done)
        {
            milestone.Done = done;
            await ChangedAsync(objective, actor, cancellationToken);
        }
    }

    public async Task RemoveAsync(Actor actor, Guid objectiveId, Guid milestoneId, CancellationToken cancellationToken)
    {
        var objective = await LoadAsync(actor, Capability.ManageObjectives, objectiveId, cancellationToken);
        var milestone = objective.Milestones.SingleOrDefault(m => m.Id == milestoneId) ?? throw new KeyNotFoundException($"No milestone {milestoneId} on objective {objectiveId}.");
        db.Milestones.Remove(milestone);
        objective.Milestones.Remove(milestone);
        await ChangedAsync(objective, actor, cancellationToken);
    }

    private async Task<Objective> LoadAsync(Actor actor, Capability capability, Guid objectiveId, CancellationToken cancellationToken)
    {
        var objective = await db.Objectives.Include(o => o.Milestones).SingleOrDefaultAsync(o => o.Id == objectiveId, cancellationToken)
            ?? throw new KeyNotFoundException($"No objective {objectiveId}.");
        AccessPolicy.Ensure(actor, capability, objective.StrandId);
        db.ActingAs = actor;
        return objective;
    }

    private async Task ChangedAsync(Objective objective, Actor actor, CancellationToken cancellationToken)
    {
        objectives.Changed(objective, actor, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}
