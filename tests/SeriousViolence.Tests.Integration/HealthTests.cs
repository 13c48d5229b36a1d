using System.Net;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

public sealed class HealthTests
{
    [Fact]
    public async Task Live_and_ready_report_healthy_with_the_database_and_bus_up()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);

        var live = await host.Client.GetAsync("health/live");
        var ready = await host.Client.GetAsync("health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Contains("\"name\":\"database\",\"status\":\"Healthy\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_reports_unhealthy_while_the_configured_broker_cannot_be_reached_and_live_stays_up()
    {
        await using var broker = await TestBroker.CreateAsync();
        await using var db = await TestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>(broker.Settings) { ["Messaging:RabbitMq:Port"] = "5699" }; // nothing listens there
        await using var host = await TestHost.StartAsync(db.ConnectionString, settings: settings);

        var ready = await host.Client.GetAsync("health/ready");
        var live = await host.Client.GetAsync("health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("\"name\":\"database\",\"status\":\"Healthy\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        // Pages still serve: the Board shows what it has while the broker is away.
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("")).StatusCode);
    }
}
