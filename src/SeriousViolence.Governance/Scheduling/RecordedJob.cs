using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;

namespace SeriousViolence.Governance.Scheduling;

/// <summary>
/// What every scheduled job shares: it runs as the platform (Actor.System inside <see cref="RunAsync"/>), writes one row
/// to governance.job_runs saying what it did or why it failed, logs the same line, and tells Quartz of a failure.
/// Never two at once per job, across the cluster.
/// </summary>
[DisallowConcurrentExecution]
public abstract class RecordedJob(GovernanceDbContext db, ILogger logger) : IJob
{
    /// <summary>How long runs are kept: the e-mail job alone records one every half minute.</summary>
    public static readonly TimeSpan RunsKeptFor = TimeSpan.FromDays(30);

    /// <summary>Job data key set when someone triggers the job by hand (the actor's id).</summary>
    public const string TriggeredByKey = "triggered-by";

    /// <summary>Does the work and says in a sentence what was done.</summary>
    protected abstract Task<string> RunAsync(CancellationToken cancellationToken);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Jobs act as the platform; what they change is audited under its name.
        db.ActingAs = SeriousViolence.Abstractions.Actor.System;
        var name = context.JobDetail.Key.Name;
        var manual = context.MergedJobDataMap.ContainsKey(TriggeredByKey);
        // Job runs are logged in real time, whatever clock the cycle itself is given.
        var started = TimeProvider.System.GetUtcNow();
        string summary;
        Exception? failure = null;
        try
        {
            summary = await RunAsync(cancellationToken);
            logger.LogInformation("Job {Job} on {Instance}: {Summary}", name, context.Scheduler.SchedulerInstanceId, summary);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failure = ex;
            summary = "Failed: " + ex.Message;
            logger.LogError(ex, "Job {Job} on {Instance} failed", name, context.Scheduler.SchedulerInstanceId);
        }

        if (manual)
        {
            summary += $" (run now by {context.MergedJobDataMap.GetString(TriggeredByKey)})";
        }

        db.ChangeTracker.Clear();
        db.JobRuns.Add(new JobRun
        {
            Id = Guid.CreateVersion7(started), JobName = name, InstanceId = context.Scheduler.SchedulerInstanceId,
            ScheduledFor = manual ? null : context.ScheduledFireTimeUtc, StartedAt = started, FinishedAt = TimeProvider.System.GetUtcNow(),
            Succeeded = failure is null, Manual = manual, Summary = summary.Length > 2000 ? summary[..2000] : summary,
        });
        await db.SaveChangesAsync(CancellationToken.None);
        var before = started - RunsKeptFor;
        await db.JobRuns.Where(r => r.JobName == name && r.StartedAt < before).ExecuteDeleteAsync(CancellationToken.None);
        if (failure is not null)
        {
            throw new JobExecutionException(failure.Message, failure);
        }
    }
}
