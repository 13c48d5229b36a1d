using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Plans.Features;
using SeriousViolence.Plans.Pages;
using SeriousViolence.Plans.Seeding;
using SeriousViolence.Platform;
using SeriousViolence.Platform.Messaging;
using SeriousViolence.Platform.Startup;

namespace SeriousViolence.Plans;

public static class PlansServices
{
    public static IServiceCollection AddPlans(this IServiceCollection services)
    {
        services.AddModuleDbContext<PlansDbContext>(PlansDbContext.Schema, typeof(PlansDbContext).Assembly);
        services.AddSingleton(new OutboxTable(PlansDbContext.Schema));
        services.AddScoped<PlansSeeder>();
        services.AddScoped<PlansAnnouncer>();
        services.AddScoped<IStateAnnouncer>(sp => sp.GetRequiredService<PlansAnnouncer>());
        services.AddScoped<IStartupTask, PlansStartup>();
        services.AddScoped<PlansQueries>();
        services.AddScoped<ObjectiveCommands>();
        services.AddScoped<QuarterlyCommands>();
        services.AddScoped<OperationCommands>();
        services.AddScoped<MilestoneCommands>();
        services.AddSingleton<IStrandPageSection, ActionPlanSection>();
        return services;
    }
}

/// <summary>Adds the action-plan workspace to every strand's page.</summary>
internal sealed class ActionPlanSection : IStrandPageSection
{
    public int Order => 10;

    public Type ComponentType => typeof(ActionPlanWorkspace);
}
