using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace SeriousViolence.Tests.Support;

/// <summary>A test class whose tests each get a fresh database and the real host started on it (default settings).</summary>
public abstract class HostedTest : IAsyncLifetime
{
    protected TestDatabase Db { get; private set; } = default!;

    protected TestHost Host { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync();
        Host = await TestHost.StartAsync(Db.ConnectionString);
        await ArrangeAsync();
    }

    /// <summary>Data every test of the class needs, set up once the host is running.</summary>
    protected virtual Task ArrangeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Db.DisposeAsync();
    }

    /// <summary>Runs an action with services from a scope of its own, as one request would.</summary>
    protected async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
