using Microsoft.EntityFrameworkCore;
using Quartz;
using SeriousViolence.Abstractions;

namespace SeriousViolence.Governance.Scheduling;

/// <summary>A scheduled job for the operations view.</summary>
public sealed record JobView(string Name, string? Description, string? Schedule, DateTimeOffset? NextRun, DateTimeOffset? PreviousFiring, JobRun? LastRun, IReadOnlyList<JobRun> RecentRuns);

/// <summary>The operations view of the scheduler: every job, its next and last runs and their results; run one now.</summary>
public sealed class JobsAdmin(ISchedulerFactory schedulers, GovernanceDbContext db)
{
    public async Task<IReadOnlyList<JobView>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.RunJobs);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var views = new List<JobView>();
        foreach (var key in (await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), cancellationToken)).OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            var detail = await scheduler.GetJobDetail(key, cancellationToken);
            var triggers = await scheduler.GetTriggersOfJob(key, cancellationToken);
            var scheduled = triggers.OfType<ICronTrigger>().FirstOrDefault();
            var recent = await db.JobRuns.AsNoTracking().Where(r => r.JobName == key.Name).OrderByDescending(r => r.StartedAt).Take(10).ToListAsync(cancellationToken);
            views.Add(new JobView(
                key.Name, detail?.Description, scheduled?.CronExpressionString,
                triggers.Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min(),
                triggers.Select(t => t.PreviousFireTimeUtc).Where(t => t is not null).Max(),
                recent.FirstOrDefault(), recent));
        }

        return views;
    }

    /// <summary>Fires the job now, on whichever node of the cluster picks it up; its run is logged like any other.</summary>
    public async Task TriggerAsync(Actor actor, string jobName, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.RunJobs);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = new JobKey(jobName);
        if (!await scheduler.Exists(key, cancellationToken))
        {
            throw new KeyNotFoundException($"No scheduled job '{jobName}'.");
        }

        await scheduler.TriggerJob(key, new JobDataMap { [RecordedJob.TriggeredByKey] = actor.DisplayName }, cancellationToken);
    }
}
