namespace SeriousViolence.Tests.Integration.Governance;

/// <summary>A clock the test moves by hand. Only "now" is controlled; timers keep real time so the host still runs.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
