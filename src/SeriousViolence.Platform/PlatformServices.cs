using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SeriousViolence.Platform.Audit;
using SeriousViolence.Platform.Health;
using SeriousViolence.Platform.Messaging;
using SeriousViolence.Platform.Persistence;
using SeriousViolence.Platform.Startup;
using SeriousViolence.Platform.Strands;

namespace SeriousViolence.Platform;

public static class PlatformServices
{
    /// <summary>
    /// The shared infrastructure: one PostgreSQL data source, the platform schema, migrations and strand announcements
    /// at start-up, the outbox dispatcher and the readiness checks. Modules add their own contexts with
    /// <see cref="AddModuleDbContext{TContext}"/>.
    /// </summary>
    public static IServiceCollection AddSeriousViolencePlatform(this IServiceCollection services, IConfiguration configuration, StrandCatalog catalog)
    {
        var connection = DatabaseSettings.Read(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(catalog);
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connection.ConnectionString).Build());
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSignalInterceptor>();
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<SeriousViolence.Abstractions.IRefusalLog>(sp => sp.GetRequiredService<AuditTrail>());
        services.AddSingleton<AuditVerifier>();
        services.Configure<OutboxOptions>(configuration.GetSection("Messaging:Outbox"));

        services.AddModuleDbContext<PlatformDbContext>(PlatformDbContext.Schema, typeof(PlatformDbContext).Assembly);
        services.AddSingleton(new OutboxTable(PlatformDbContext.Schema));
        services.AddScoped<StrandAnnouncer>();
        services.AddScoped<IStateAnnouncer>(sp => sp.GetRequiredService<StrandAnnouncer>());
        services.AddSingleton<MigrationRunner>();

        services.AddSingleton<PlatformStartup>();
        services.AddHostedService<OutboxDispatcher>();

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>A module's DbContext on the shared data source, with its migrations registered for start-up.</summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string schema, System.Reflection.Assembly migrations)
        where TContext : DbContext
    {
        services.AddSingleton(new MigrationSource(schema, migrations));
        services.AddDbContext<TContext>((provider, options) => options
            .UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>())
            .AddInterceptors(provider.GetRequiredService<AuditInterceptor>(), provider.GetRequiredService<OutboxSignalInterceptor>()));
        return services;
    }
}
