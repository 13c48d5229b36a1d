namespace SeriousViolence.Tests.Support;

/// <summary>
/// Waits for an asynchronous effect (a message crossing the bus, a page updating). The limit is generous: it bounds a
/// hung test, it does not measure speed.
/// </summary>
public static class Eventually
{
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(60));
        T last;
        do
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"Gave up waiting for {what}; last value seen: {last}");
    }
}
