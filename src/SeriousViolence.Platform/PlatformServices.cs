using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SeriousViolence.Platform.Audit;
using SeriousViolence.Platform.Health;
using SeriousViolence.Platform.Messaging;
using SeriousViolence.Platform.Persistence;
using SeriousViolence.Platform.Plugins;
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
        var plugins = PluginRegistry.Collect(catalog);
        services.AddSingleton(plugins);
        services.AddSingleton<MessageTypes>();
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connection.ConnectionString).Build());
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSignalInterceptor>();
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<SeriousViolence.Abstractions.IRefusalLog>(sp => sp.GetRequiredService<AuditTrail>());
        services.AddSingleton<SeriousViolence.Abstractions.IExportLog>(sp => sp.GetRequiredService<AuditTrail>());
        services.AddSingleton<AuditVerifier>();
        services.AddSingleton<AuditRecords>();
        services.Configure<OutboxOptions>(configuration.GetSection("Messaging:Outbox"));

        services.AddModuleDbContext<PlatformDbContext>(PlatformDbContext.Schema, typeof(PlatformDbContext).Assembly);
        services.AddSingleton(new OutboxTable(PlatformDbContext.Schema));
        services.AddScoped<StrandAnnouncer>();
        services.AddScoped<IStateAnnouncer>(sp => sp.GetRequiredService<StrandAnnouncer>());
        services.AddSingleton<MigrationRunner>();

        services.AddSingleton<PlatformStartup>();
        services.AddHostedService<OutboxDispatcher>();

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        AddStrandContributions(services, plugins);
        return services;
    }

    /// <summary>What each strand plugin declared, registered with the same mechanisms the core modules use.</summary>
    private static void AddStrandContributions(IServiceCollection services, PluginRegistry plugins)
    {
        var addContext = typeof(PlatformServices).GetMethod(nameof(AddContextOnSharedSource), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        foreach (var strand in plugins.Strands)
        {
            if (strand.MigrationsAssembly is { } migrations)
            {
                services.AddSingleton(new MigrationSource(strand.Schema, migrations) { Owner = $"strand '{strand.Strand.Id}'", WithMessaging = true, WithReturns = strand.Returns.Count > 0 });
                services.AddSingleton(new OutboxTable(strand.Schema));
            }

            foreach (var context in strand.DbContexts)
            {
                addContext.MakeGenericMethod(context).Invoke(null, [services]);
            }

            foreach (var service in strand.ScopedServices)
            {
                services.AddScoped(service);
            }

            foreach (var consumer in strand.Consumers)
            {
                services.AddScoped(consumer);
            }

            foreach (var job in strand.Jobs)
            {
                services.AddScoped(job.JobType);
                services.AddSingleton(job);
            }

            foreach (var importer in strand.Importers)
            {
                services.AddSingleton(importer);
            }

            foreach (var section in strand.Sections)
            {
                services.AddSingleton<SeriousViolence.Abstractions.IStrandPageSection>(section);
            }

            foreach (var entry in strand.NavigationEntries)
            {
                services.AddSingleton(entry);
            }
        }
    }

    private static void AddContextOnSharedSource<TContext>(IServiceCollection services)
        where TContext : DbContext =>
        services.AddDbContext<TContext>((provider, options) =>
        {
            options
                .UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>())
                .AddInterceptors(provider.GetRequiredService<AuditInterceptor>(), provider.GetRequiredService<OutboxSignalInterceptor>());
            if (typeof(SeriousViolence.Plugins.StrandDbContext).IsAssignableFrom(typeof(TContext)))
            {
                options.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCustomizer, AuditTrailModelCustomizer>();
            }
        });

    /// <summary>A module's DbContext on the shared data source, with its migrations registered for start-up.</summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string schema, System.Reflection.Assembly migrations)
        where TContext : DbContext
    {
        services.AddSingleton(new MigrationSource(schema, migrations));
        AddContextOnSharedSource<TContext>(services);
        return services;
    }
}
