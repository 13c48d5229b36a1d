namespace SeriousViolence.Governance.Scheduling;

/// <summary>One run of a scheduled job, as the job itself recorded it.</summary>
[SeriousViolence.Plugins.NotAudited] // the job log itself; what a job changes is audited
public sealed class JobRun
{
    public Guid Id { get; set; }

    public required string JobName { get; set; }

    /// <summary>The Quartz node (host instance) that ran it.</summary>
    public required string InstanceId { get; set; }

    /// <summary>The firing time the schedule asked for (null for a run triggered by hand).</summary>
    public DateTimeOffset? ScheduledFor { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset FinishedAt { get; set; }

    public bool Succeeded { get; set; }

    public bool Manual { get; set; }

    /// <summary>What the job did, in a sentence (or why it failed).</summary>
    public required string Summary { get; set; }
}
