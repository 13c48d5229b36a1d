namespace SeriousViolence.Governance.Scheduling;

/// <summary>Configuration section <c>Governance:Scheduler</c>: the one Quartz scheduler and its jobs' schedules.</summary>
public sealed class SchedulerSettings
{
    public const string Section = "Governance:Scheduler";

    /// <summary>The cluster's name: every host instance against one database uses the same, so they share the jobs.</summary>
    public string Name { get; set; } = "SeriousViolence";

    /// <summary>False builds the scheduler (the jobs page still lists jobs) but never starts it: for tests that drive the cycle themselves.</summary>
    public bool Start { get; set; } = true;

    /// <summary>Quartz cron (seconds first, UTC) for the quarterly cycle: every 15 minutes by default; each pass does only what is due.</summary>
    public string QuarterlyCycleCron { get; set; } = "0 0/15 * * * ?";

    /// <summary>Quartz cron (UTC) for sending the e-mail outbox.</summary>
    public string EmailOutboxCron { get; set; } = "0/30 * * * * ?";

    /// <summary>Quartz cron (UTC) for issuing the packs of the coming week's Board meetings: daily at 06:00.</summary>
    public string MeetingPacksCron { get; set; } = "0 0 6 * * ?";

    /// <summary>How late a firing may be before Quartz treats it as misfired (see docs/decisions/0003).</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often each node checks in to the cluster; a node silent for longer is presumed dead and its work recovered.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(10);
}
