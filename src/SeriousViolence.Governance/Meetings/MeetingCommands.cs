using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;
using SeriousViolence.Governance.Cycle;
using SeriousViolence.Governance.Notifications;
using SeriousViolence.Governance.People;
using SeriousViolence.Governance.Snapshots;
using SeriousViolence.Platform.Strands;

namespace SeriousViolence.Governance.Meetings;

/// <summary>One agenda item as the Board's secretary edits it.</summary>
public sealed record AgendaItemInput(string Kind, string Title, string Detail, string? StrandId = null, Guid? ActionId = null);

/// <summary>The outcome of saving something people edit: saved, refused with a reason, or overtaken by someone else's save.</summary>
public sealed record SaveResult<T>(T? Value, string? Error, bool Conflict)
{
    public bool Saved => Error is null;
}

public static class SaveResult
{
    public static SaveResult<T> Ok<T>(T value) => new(value, null, false);

    public static SaveResult<T> Refused<T>(string error) => new(default, error, false);

    public static SaveResult<T> Overtaken<T>(T current, string error) => new(current, error, true);
}

/// <summary>
/// Board meetings: record one (its agenda generated from the exceptions and the actions arising still open), edit the
/// agenda, record decisions, raise actions arising for a strand. Board chair and members only (ManageMeetings). A
/// strand lead or action owner updates their strand's actions (UpdateProgress for that strand).
/// </summary>
public sealed class MeetingCommands(
    GovernanceDbContext db,
    BoardReadModelSource board,
    StrandCatalog catalog,
    IGovernanceDirectory directory,
    GovernanceNotifier notifier,
    TimeProvider clock)
{
    public async Task<Meeting> CreateAsync(Actor actor, DateOnly heldOn, string title, IReadOnlyList<string> attendees, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.ManageMeetings);
        db.ActingAs = actor;
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(attendees);
        var now = clock.GetUtcNow();
        var meeting = new Meeting
        {
            Id = Guid.CreateVersion7(now), HeldOn = heldOn, Title = title.Trim(), Attendees = [.. attendees.Select(a => a.Trim()).Where(a => a.Length > 0)],
            CreatedAt = now, CreatedBy = actor.DisplayName, Version = 1,
        };
        db.Meetings.Add(meeting);
        var position = 0;
        foreach (var item in await GenerateAgendaAsync(cancellationToken))
        {
            db.AgendaItems.Add(new AgendaItem
            {
                Id = Guid.CreateVersion7(now), MeetingId = meeting.Id, Position = ++position, Kind = item.Kind, Title = item.Title, Detail = item.Detail,
                StrandId = item.StrandId, ActionId = item.ActionId,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return meeting;
    }

    /// <summary>
    /// The agenda as generated: the exceptions (strands that missed the last deadline; objectives rated Red, at risk or
    /// off track, by strand) and every action arising still open or closed since the last meeting, with its status.
    /// </summary>
    public async Task<IReadOnlyList<AgendaItemInput>> GenerateAgendaAsync(CancellationToken cancellationToken)
    {
        var items = new List<AgendaItemInput>();
        var lastLocked = (await db.Quarters.AsNoTracking().Where(q => q.State == QuarterStates.Locked).Select(q => q.Quarter).ToListAsync(cancellationToken))
            .Select(FinancialQuarter.Parse).DefaultIfEmpty().Max();
        if (lastLocked != default)
        {
            var key = lastLocked.ToString();
            var submissions = await db.Submissions.AsNoTracking().Where(s => s.Quarter == key).ToListAsync(cancellationToken);
            foreach (var strand in catalog.Descriptors)
            {
                var first = submissions.Where(s => s.StrandId == strand.Id).OrderBy(s => s.Revision).FirstOrDefault();
                if (first is null || first.Late)
                {
                    items.Add(new AgendaItemInput(AgendaKinds.Exception, $"{strand.Name}: {key} update {(first is null ? "not submitted" : "submitted late")}",
                        first is null ? "No quarterly update has been received." : $"Submitted {Day(DateOnly.FromDateTime(first.SubmittedAt.UtcDateTime))} by {first.SubmittedBy}, after the deadline.", strand.Id));
                }
            }
        }

        var (objectives, _) = await board.ReadAsync(cancellationToken);
        foreach (var strand in catalog.Descriptors)
        {
            var flagged = objectives.Where(o => o.StrandId == strand.Id && (o.Rag == "Red" || o.Status is "AtRisk" or "OffTrack")).ToList();
            if (flagged.Count > 0)
            {
                items.Add(new AgendaItemInput(AgendaKinds.Exception, $"{strand.Name}: {flagged.Count} objective(s) red, at risk or off track",
                    string.Join("\n", flagged.Select(o => $"{o.Text} ({o.Status}{(o.Rag is null ? "" : ", " + o.Rag)})")), strand.Id));
            }
        }

        var since = await db.Meetings.AsNoTracking().OrderByDescending(m => m.CreatedAt).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var actions = await db.ActionsArising.AsNoTracking()
            .Where(a => (a.Status != ActionStatus.Done && a.Status != ActionStatus.Dropped) || (since != null && a.UpdatedAt > since))
            .OrderBy(a => a.DueOn).ToListAsync(cancellationToken);
        foreach (var a in actions)
        {
            var strand = catalog.Find(a.StrandId)?.Name ?? a.StrandId;
            items.Add(new AgendaItemInput(AgendaKinds.ActionArising, $"Action arising ({strand}, due {Day(a.DueOn)}): {a.Status}",
                a.Text + (a.Progress.Length > 0 ? "\nProgress: " + a.Progress : ""), a.StrandId, a.Id));
        }

        return items;
    }

    /// <summary>Replaces the agenda with the edited one, unless someone saved the meeting meanwhile.</summary>
    public async Task<SaveResult<Meeting>> SaveAgendaAsync(Actor actor, Guid meetingId, int expectedVersion, IReadOnlyList<AgendaItemInput> items, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.ManageMeetings);
        db.ActingAs = actor;
        ArgumentNullException.ThrowIfNull(items);
        var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting.Version != expectedVersion)
        {
            return SaveResult.Overtaken(meeting, "Someone else saved this meeting's agenda meanwhile; reload it to see their changes.");
        }

        if (items.Any(i => string.IsNullOrWhiteSpace(i.Title)))
        {
            return SaveResult.Refused<Meeting>("Every agenda item needs a title.");
        }

        var now = clock.GetUtcNow();
        db.AgendaItems.RemoveRange(await db.AgendaItems.Where(a => a.MeetingId == meetingId).ToListAsync(cancellationToken));
        var position = 0;
        foreach (var item in items)
        {
            db.AgendaItems.Add(new AgendaItem
            {
                Id = Guid.CreateVersion7(now), MeetingId = meetingId, Position = ++position, Kind = item.Kind, Title = item.Title.Trim(), Detail = item.Detail.Trim(),
                StrandId = item.StrandId, ActionId = item.ActionId,
            });
        }

        meeting.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return SaveResult.Overtaken(await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId, cancellationToken), "Someone else saved this meeting's agenda meanwhile; reload it to see their changes.");
        }

        return SaveResult.Ok(meeting);
    }

    public async Task<Decision> RecordDecisionAsync(Actor actor, Guid meetingId, string text, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.ManageMeetings);
        db.ActingAs = actor;
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        _ = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId, cancellationToken);
        var now = clock.GetUtcNow();
        var decision = new Decision { Id = Guid.CreateVersion7(now), MeetingId = meetingId, Text = text.Trim(), RecordedAt = now, RecordedBy = actor.DisplayName };
        db.Decisions.Add(decision);
        await db.SaveChangesAsync(cancellationToken);
        return decision;
    }

    /// <summary>Sets a strand an action; its leads are told, and it appears in the strand's workspace until closed.</summary>
    public async Task<ActionArising> RaiseActionAsync(Actor actor, Guid meetingId, string strandId, string text, DateOnly dueOn, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.ManageMeetings);
        db.ActingAs = actor;
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var strand = catalog.Find(strandId) ?? throw new KeyNotFoundException($"No strand '{strandId}'.");
        var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId, cancellationToken);
        var now = clock.GetUtcNow();
        var action = new ActionArising
        {
            Id = Guid.CreateVersion7(now), MeetingId = meetingId, StrandId = strandId, Text = text.Trim(), DueOn = dueOn, Status = ActionStatus.Open,
            RaisedAt = now, RaisedBy = actor.DisplayName, UpdatedAt = now, UpdatedBy = actor.DisplayName, Version = 1,
        };
        db.ActionsArising.Add(action);
        notifier.Notify(
            await directory.StrandLeadsAsync(strandId, cancellationToken),
            $"Action arising for {strand.Name} from the Board meeting of {Day(meeting.HeldOn)}",
            $"The Board asked {strand.Name}: {action.Text} Due {Day(dueOn)}. Update it on the strand's page; its status goes to the next meeting.",
            strand.PagePath,
            now);
        await db.SaveChangesAsync(cancellationToken);
        return action;
    }

    /// <summary>The strand's lead (or an action owner) reports on an action, as on an objective.</summary>
    public async Task<SaveResult<ActionArising>> UpdateActionAsync(Actor actor, Guid actionId, int expectedVersion, ActionStatus status, string progress, CancellationToken cancellationToken)
    {
        var action = await db.ActionsArising.SingleAsync(a => a.Id == actionId, cancellationToken);
        AccessPolicy.Ensure(actor, Capability.UpdateProgress, action.StrandId);
        db.ActingAs = actor;
        if (action.Version != expectedVersion)
        {
            return SaveResult.Overtaken(action, $"{action.UpdatedBy} updated this action meanwhile; their update is shown.");
        }

        if (string.IsNullOrWhiteSpace(progress) && status != action.Status)
        {
            return SaveResult.Refused<ActionArising>("Say in a sentence what has been done.");
        }

        action.Status = status;
        action.Progress = progress?.Trim() ?? "";
        action.UpdatedAt = clock.GetUtcNow();
        action.UpdatedBy = actor.DisplayName;
        action.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.ActionsArising.AsNoTracking().SingleAsync(a => a.Id == actionId, cancellationToken);
            return SaveResult.Overtaken(current, $"{current.UpdatedBy} updated this action meanwhile; their update is shown.");
        }

        return SaveResult.Ok(action);
    }

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
