using Microsoft.Extensions.Logging;
using SeriousViolence.Abstractions;
using SeriousViolence.Governance.Cycle;

namespace SeriousViolence.Governance.Scheduling;

/// <summary>Wakes the quarterly cycle, which does whatever has fallen due (windows, reminders, locks, snapshots).</summary>
public sealed class QuarterlyCycleJob(QuarterlyCycle cycle, GovernanceDbContext db, ILogger<QuarterlyCycleJob> logger) : RecordedJob(db, logger)
{
    public const string Name = "quarterly-cycle";

    protected override async Task<string> RunAsync(CancellationToken cancellationToken) =>
        (await cycle.RunDueAsync(Actor.System, cancellationToken)).ToString();
}
