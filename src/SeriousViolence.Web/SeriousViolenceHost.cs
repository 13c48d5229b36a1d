using Autofac;
using Autofac.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using SeriousViolence.Board;
using SeriousViolence.Board.Api;
using SeriousViolence.Governance;
using SeriousViolence.Governance.Api;
using SeriousViolence.Performance;
using SeriousViolence.Performance.Api;
using SeriousViolence.Plans;
using SeriousViolence.Plans.Api;
using SeriousViolence.Platform;
using SeriousViolence.Platform.Messaging;
using SeriousViolence.Platform.Startup;
using SeriousViolence.Platform.Plugins;
using SeriousViolence.Platform.Strands;
using SeriousViolence.Security;
using SeriousViolence.Web.Components;

namespace SeriousViolence.Web;

/// <summary>Builds and runs the host. Public so that tests start the same host in-process.</summary>
public static class SeriousViolenceHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            var app = Build(args);
            await PrepareAsync(app, CancellationToken.None);
            if (args.Length > 0 && args[0] == "import")
            {
                return await ImportCommand.RunAsync(app.Services, args[1..]);
            }

            if (args.Length > 0 && args[0] == "rebuild-board")
            {
                return await BoardCommands.RebuildAsync(app.Services, Console.Out, CancellationToken.None);
            }

            if (args.Length > 0 && SecurityCommands.Handles(args[0]))
            {
                return await SecurityCommands.RunAsync(app.Services, args);
            }

            if (args.Contains("--migrate-only", StringComparer.Ordinal))
            {
                await Console.Out.WriteLineAsync("Migrations applied; strands announced.");
                return 0;
            }

            await app.RunAsync();
            return 0;
        }
        catch (StartupException ex)
        {
            // One line an operator can act on; the detail is in the message, not in a stack trace.
            await Console.Error.WriteLineAsync($"SeriousViolence cannot start: {ex.Message}");
            return 2;
        }
    }

    /// <summary>Migrates every module's schema and announces the strands; must finish before the host starts.</summary>
    public static Task PrepareAsync(WebApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<PlatformStartup>().RunAsync(cancellationToken);
    }

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(SeriousViolenceHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddConsoleFormatter<CompactConsoleFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();
            builder.Logging.AddConsole(o => o.FormatterName = CompactConsoleFormatter.FormatterName);
        }

        var catalog = StrandCatalog.FromConfiguration(builder.Configuration);
        builder.Host.UseServiceProviderFactory(new AutofacServiceProviderFactory());
        builder.Host.ConfigureContainer<ContainerBuilder>(container =>
        {
            foreach (var strand in catalog.Modules)
            {
                container.RegisterModule((Autofac.Core.IModule)strand);
            }
        });

        builder.Services.AddSeriousViolencePlatform(builder.Configuration, catalog);
        builder.Services.AddPlans();
        builder.Services.AddPerformance();
        builder.Services.AddBoard();
        builder.Services.AddSecurity(builder.Configuration);
        builder.Services.AddScoped<SeriousViolence.Ui.PageMarking>();
        builder.Services.AddGovernance(builder.Configuration);
        builder.Services.AddSingleton<SeriousViolence.Governance.People.ConfiguredGovernanceDirectory>();
        builder.Services.AddSingleton<SeriousViolence.Governance.People.IGovernanceDirectory, PeopleDirectory>();
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(o => o.SwaggerDoc("v1", new Microsoft.OpenApi.OpenApiInfo
        {
            Title = "SeriousViolence API",
            Version = "v1",
            Description = "The Serious Violence Strategy platform: strands, their objectives (RIPE actions) and, as they arrive, measures and the Board's summary.",
        }));
        var messaging = builder.Services.AddSeriousViolenceBus(builder.Configuration, bus =>
        {
            bus.AddBoardConsumers();
            bus.AddPerformanceConsumers();
            bus.AddGovernanceConsumers();
        });
        if (messaging.UsesRabbitMq)
        {
            builder.Services.AddHostedService<BrokerStartupProbe>();
        }

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // SignalR binds a hub method's parameter from DI when the container says it can resolve the type, and Autofac
        // says so for any array (an implicit collection). Blazor's hub then took ReceiveJSDataChunk's byte[] chunk from
        // DI, refused every chunk the browser sent ("provides 4 argument(s) but target expects 3"), and InputFile
        // uploads hung. Blazor's hub takes nothing from DI, so inference is off.
        builder.Services.Configure<Microsoft.AspNetCore.SignalR.HubOptions>(o => o.DisableImplicitFromServicesParameters = true);

        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseSecurityHeaders(SecuritySettings.Read(app.Configuration));
        app.MapClientAssets();
        app.UseSecurity();
        app.UseAntiforgery();
        app.UseAccessDeniedAnswers();
        app.MapSecurityEndpoints();
        app.UseSwagger(o => o.RouteTemplate = "openapi/{documentName}.json");
        app.MapPlansApi();
        app.MapPerformanceApi();
        app.MapSpcApi();
        app.MapMappingApi();
        app.MapBoardApi();
        app.MapGovernanceApi();
        app.MapStrandApis();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .AddAdditionalAssemblies([.. RoutedAssemblies.From(catalog)]);
        return app;
    }
}
