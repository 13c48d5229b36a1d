namespace SeriousViolence.Board.ReadModel;

/// <summary>
/// Tells open Board pages that the read model changed. Raised by consumers after they commit; components subscribe,
/// marshal onto their circuit with <c>InvokeAsync</c> and unsubscribe on dispose.
/// </summary>
public sealed class BoardNotifier
{
    public event Func<Task>? Changed;

    public async Task NotifyAsync()
    {
        var handlers = Changed;
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>())
        {
            try
            {
                await handler();
            }
            catch (ObjectDisposedException)
            {
                // A circuit closed between the notification and the render; nothing to update.
            }
        }
    }
}
