namespace SeriousViolence.Governance.Notifications;

/// <summary>
/// Tells open pages that notifications were written, so every bell refreshes at once instead of waiting for its
/// half-minute check. Raised after a save that added notifications, and again when a job finishes (after its
/// transaction has committed); a bell that refreshes early simply refreshes again.
/// </summary>
public sealed class NotificationSignal
{
    public event Action? Raised;

    public void Raise() => Raised?.Invoke();
}
