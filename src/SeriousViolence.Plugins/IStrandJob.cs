namespace SeriousViolence.Plugins;

/// <summary>
/// A strand's scheduled work (e.g. warning before a deadline passes). Resolved from a new DI scope for each firing and
/// run on one instance of the platform; returns a line for the job's run history.
/// </summary>
public interface IStrandJob
{
    Task<string> RunAsync(CancellationToken cancellationToken);
}
