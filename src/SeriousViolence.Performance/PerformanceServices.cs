using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Performance.Importing;
using SeriousViolence.Performance.Measures;
using SeriousViolence.Platform.Messaging;
using SeriousViolence.Platform.Persistence;
using SeriousViolence.Platform.Startup;

namespace SeriousViolence.Performance;

public static class PerformanceServices
{
    public static IServiceCollection AddPerformance(this IServiceCollection services)
    {
        services.AddSingleton(new MigrationSource("performance", typeof(PerformanceServices).Assembly));
        services.AddSingleton(new OutboxTable("performance"));
        services.AddScoped<IStartupTask, PerformanceSeeder>();
        services.AddSingleton<PerformanceAnnouncer>();
        services.AddSingleton<IStateAnnouncer>(sp => sp.GetRequiredService<PerformanceAnnouncer>());
        services.AddScoped<IStartupTask, PerformanceStartup>();
        services.AddSingleton<PluginImporters>();
        services.AddSingleton<ImportService>();
        services.AddSingleton<ImportHistory>();
        services.AddSingleton<MeasureQueries>();
        services.AddSingleton<MeasureCharts>();
        return services;
    }

    /// <summary>Performance's consumers, listed explicitly: the observations strands publish from their own records.</summary>
    public static void AddPerformanceConsumers(this IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<StrandObservationsConsumer>();
    }
}
