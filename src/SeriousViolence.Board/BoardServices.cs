using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Board.ReadModel;
using SeriousViolence.Platform;

namespace SeriousViolence.Board;

public static class BoardServices
{
    public static IServiceCollection AddBoard(this IServiceCollection services)
    {
        services.AddModuleDbContext<BoardDbContext>(BoardDbContext.Schema, typeof(BoardDbContext).Assembly);
        services.AddSingleton<BoardNotifier>();
        services.AddScoped<BoardQueries>();
        services.AddScoped<SeriousViolence.Abstractions.IBoardReadModel, BoardReadModel>();
        services.AddScoped<BoardRebuild>();
        services.AddScoped<Dashboard.BoardDashboard>();
        services.AddSingleton<Dashboard.BoroughBoundaries>();
        return services;
    }

    /// <summary>The Board's consumers, listed explicitly.</summary>
    public static void AddBoardConsumers(this IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<StrandAnnouncedConsumer>();
        bus.AddConsumer<StrandWithdrawnConsumer>();
        bus.AddConsumer<RipeActionUpdatedConsumer>();
        bus.AddConsumer<QuarterlyUpdateSubmittedConsumer>();
        bus.AddConsumer<MeasureObservationsRecordedConsumer>();
        bus.AddConsumer<StrategyAnnouncedConsumer>();
        bus.AddConsumer<MeasureDefinedConsumer>();
        bus.AddConsumer<StrandHighlightsPublishedConsumer>();
    }
}
