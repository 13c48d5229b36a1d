using Microsoft.Extensions.Configuration;
using Npgsql;
using SeriousViolence.Platform.Startup;

namespace SeriousViolence.Platform.Persistence;

/// <summary>Reads the one PostgreSQL connection string every module shares (each module keeps to its own schema).</summary>
public static class DatabaseSettings
{
    public const string ConnectionStringName = "SeriousViolence";
    public const string SettingName = "ConnectionStrings:" + ConnectionStringName;
    public const string EnvironmentVariable = "ConnectionStrings__" + ConnectionStringName;

    public static NpgsqlConnectionStringBuilder Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new StartupException(
                $"No database configured: set {SettingName} (environment: {EnvironmentVariable}), " +
                "e.g. Host=127.0.0.1;Port=5432;Database=seriousviolence;Username=seriousviolence;Password=... " +
                "./build/run.sh sets it for a local PostgreSQL.");
        }

        try
        {
            return new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException ex)
        {
            throw new StartupException($"{SettingName} is not a valid PostgreSQL connection string: {ex.Message}", ex);
        }
    }

    /// <summary>Where the database is, for messages; never includes the password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return $"{builder.Host}:{builder.Port}/{builder.Database} as {builder.Username}";
    }
}
