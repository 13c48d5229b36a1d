using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using SeriousViolence.Platform.Plugins;
using SeriousViolence.Platform.Startup;
using SeriousViolence.Plugins;

namespace SeriousViolence.Governance.Scheduling;

/// <summary>
/// Puts each strand's declared job (<see cref="StrandJobRegistration"/>, registered by the platform before Governance)
/// on the one clustered scheduler, under the job's own name, run by <see cref="StrandJobAdapter"/>. Governance knows no
/// strand: it schedules whatever registrations the container holds.
/// </summary>
internal static class StrandJobs
{
    /// <summary>Job data naming the strand that declared the job (shown nowhere; says whose a stored job is).</summary>
    public const string StrandKey = "strand";

    public static string CronSetting(string jobName) => $"Strands:Jobs:{jobName}:Cron";

    /// <summary>The registrations as the platform added them to the collection (singleton instances).</summary>
    public static IReadOnlyList<StrandJobRegistration> Registrations(IServiceCollection services) =>
        [.. services.Where(d => d.ServiceType == typeof(StrandJobRegistration)).Select(d => d.ImplementationInstance).OfType<StrandJobRegistration>()];

    /// <summary>
    /// Schedules every strand job: cron from <c>Strands:Jobs:&lt;name&gt;:Cron</c>, else the strand's default; misfires
    /// fire once and keep the schedule, as the quarterly cycle does (docs/decisions/0003), because a strand's job, like
    /// the cycle, does whatever has fallen due. A bad cron or a name a core job already has stops start-up naming it.
    /// </summary>
    public static void Schedule(IQuartzBuilder quartz, IReadOnlyList<StrandJobRegistration> jobs, IConfiguration configuration, IReadOnlySet<string> coreJobs)
    {
        foreach (var job in jobs)
        {
            if (coreJobs.Contains(job.Name))
            {
                throw new StartupException($"Strand '{job.StrandId}' declares the job '{job.Name}', a name the platform's own jobs use: rename it in the strand.");
            }

            if (!typeof(IStrandJob).IsAssignableFrom(job.JobType))
            {
                throw new StartupException($"Strand '{job.StrandId}': the job '{job.Name}' is {job.JobType.Name}, which is not an IStrandJob.");
            }

            var setting = CronSetting(job.Name);
            var cron = configuration[setting] is { Length: > 0 } configured ? configured : job.DefaultCron;
            if (!CronExpression.TryParse(cron, out _))
            {
                throw new StartupException($"{setting} = '{cron}' is not a Quartz cron expression (seconds first, e.g. '0 0 6 * * ?').");
            }

            quartz.ScheduleJob<StrandJobAdapter>(
                t => t.WithIdentity(job.Name).WithDescription(job.Description)
                    .WithCronSchedule(cron, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
                j => j.WithIdentity(job.Name).WithDescription($"{job.Description} (strand '{job.StrandId}')").UsingJobData(StrandKey, job.StrandId));
        }
    }
}

/// <summary>
/// The one Quartz job that runs every strand job: finds the registration by the job's name, resolves its
/// <see cref="IStrandJob"/> from a new DI scope and runs it; the run is recorded, logged and listed on /admin/jobs like
/// every other job's (<see cref="RecordedJob"/>), and "run now" works the same way. A stored job whose strand this
/// instance does not load is not run, and its run says so; it is left on the schedule, because during a rolling
/// deployment another instance may still run the strand (every instance is meant to run the same strands).
/// </summary>
[DisallowConcurrentExecution]
public sealed class StrandJobAdapter(
    GovernanceDbContext db, IEnumerable<StrandJobRegistration> registrations, IServiceScopeFactory scopes, ILogger<StrandJobAdapter> logger)
    : RecordedJob(db, logger), IJob
{
    private IJobExecutionContext? _context;

    // Re-implemented so that the run knows which job it is; the recording stays RecordedJob's.
    ValueTask IJob.Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        _context = context;
        return Execute(context, cancellationToken);
    }

    protected override async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var context = _context ?? throw new InvalidOperationException("A strand job runs only through the scheduler.");
        var name = context.JobDetail.Key.Name;
        var registration = registrations.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));
        if (registration is null)
        {
            return $"Not run: this instance loads no strand that declares the job '{name}' (strand '{context.JobDetail.JobDataMap.GetString(StrandJobs.StrandKey)}'); configure the same strands on every instance, or delete the job.";
        }

        await using var scope = scopes.CreateAsyncScope();
        var job = (IStrandJob)scope.ServiceProvider.GetRequiredService(registration.JobType);
        return await job.RunAsync(cancellationToken);
    }
}
