using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using SeriousViolence.Platform.Persistence;
using SeriousViolence.Platform.Strands;

namespace SeriousViolence.Platform.Startup;

/// <summary>
/// Runs before the host starts (and so before anything consumes, publishes or serves): applies every module's
/// migrations, announces the configured strands and runs the modules' <see cref="IStartupTask"/>s (seeding). Called explicitly rather than as a hosted service so that a failure
/// reaches the operator as one line, not as the generic host's logged stack trace.
/// A database that cannot be reached becomes a <see cref="StartupException"/> naming the setting and what to do.
/// </summary>
public sealed class PlatformStartup(IServiceProvider services, NpgsqlDataSource dataSource, ILogger<PlatformStartup> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var where = DatabaseSettings.Describe(new NpgsqlConnectionStringBuilder(dataSource.ConnectionString));
        try
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MigrationRunner>().ApplyAsync(cancellationToken);
            var result = await scope.ServiceProvider.GetRequiredService<StrandAnnouncer>().SynchroniseAsync(cancellationToken);
            logger.LogInformation("Announced {Announced} strand(s) to the Board, withdrew {Withdrawn}", result.Announced, result.Withdrawn);
            foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>())
            {
                await task.RunAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (Explain(ex, where) is { } message)
        {
            throw new StartupException(message, ex);
        }
    }

    /// <summary>Turns the ways PostgreSQL can be unavailable into one actionable sentence; null for anything else.</summary>
    public static string? Explain(Exception ex, string where)
    {
        var setting = $"{DatabaseSettings.SettingName} (environment {DatabaseSettings.EnvironmentVariable})";
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException { SqlState: "28P01" or "28000" }:
                    return $"PostgreSQL at {where} refused the credentials in {setting}: check the user name and password.";
                case PostgresException { SqlState: "3D000" }:
                    return $"The database in {setting} does not exist at {where}: create it (./ops/postgres.sh start does so locally) or fix the setting.";
                case SocketException or TimeoutException:
                    return $"Cannot reach PostgreSQL at {where}, set by {setting}: start it (./ops/postgres.sh start) or point the setting at a running server.";
            }
        }

        return ex is NpgsqlException ? $"PostgreSQL at {where} ({setting}) failed: {ex.Message}" : null;
    }
}
