namespace SeriousViolence.Platform.Startup;

/// <summary>
/// Work a module must finish after migrations and before the host serves (e.g. seeding). Runs once per start, in
/// registration order, inside its own DI scope. Must be idempotent: two instances may start together.
/// </summary>
public interface IStartupTask
{
    Task RunAsync(CancellationToken cancellationToken);
}
