using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Platform.Plugins;
using SeriousViolence.Platform.Startup;

namespace SeriousViolence.Platform.Messaging;

public static class BusRegistration
{
    /// <summary>
    /// MassTransit with the in-memory transport unless <c>Messaging:Transport</c> is <c>RabbitMQ</c>. Consumers are listed
    /// explicitly by the modules that own them; the strand plugins' consumers are added from their contributions.
    /// </summary>
    public static MessagingSettings AddSeriousViolenceBus(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<IBusRegistrationConfigurator> addConsumers)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(addConsumers);
        var settings = configuration.GetSection(MessagingSettings.Section).Get<MessagingSettings>() ?? new MessagingSettings();
        if (!settings.UsesRabbitMq && !string.Equals(settings.Transport, "InMemory", StringComparison.OrdinalIgnoreCase))
        {
            throw new StartupException($"Messaging:Transport is '{settings.Transport}'; use InMemory (the default) or RabbitMQ.");
        }

        if (settings.UsesRabbitMq && (string.IsNullOrWhiteSpace(settings.RabbitMq.Username) || string.IsNullOrWhiteSpace(settings.RabbitMq.Password)))
        {
            throw new StartupException(
                "Messaging:Transport is RabbitMQ but Messaging:RabbitMq:Username or Messaging:RabbitMq:Password is not set " +
                "(environment: Messaging__RabbitMq__Username, Messaging__RabbitMq__Password).");
        }

        services.AddSingleton(settings);
        services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter("sv", includeNamespace: false));
            addConsumers(x);
            // Each strand plugin's own consumers, declared in its Contribute, on their own queues like the core modules'.
            var plugins = services.LastOrDefault(d => d.ServiceType == typeof(PluginRegistry))?.ImplementationInstance as PluginRegistry;
            foreach (var consumer in plugins?.Consumers ?? [])
            {
                x.AddConsumer(consumer);
            }
            if (settings.UsesRabbitMq)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(settings.RabbitMq.Host, settings.RabbitMq.Port, settings.RabbitMq.VirtualHost, h =>
                    {
                        h.Username(settings.RabbitMq.Username);
                        h.Password(settings.RabbitMq.Password);
                        h.RequestedConnectionTimeout(TimeSpan.FromSeconds(5));
                    });
                    cfg.UseMessageRetry(r => r.Intervals(100, 500, 1000, 5000));
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.UseMessageRetry(r => r.Intervals(100, 500, 1000, 5000));
                    cfg.ConfigureEndpoints(context);
                });
            }
        });

        services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            // Start serving pages even when the broker is down; /health/ready reports it until it is back.
            o.WaitUntilStarted = false;
            o.StopTimeout = TimeSpan.FromSeconds(10);
        });
        return settings;
    }
}
