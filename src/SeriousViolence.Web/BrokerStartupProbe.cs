using System.Net.Sockets;
using SeriousViolence.Platform.Messaging;

namespace SeriousViolence.Web;

/// <summary>
/// When RabbitMQ is configured but not reachable at start, says so in one line naming the settings. The host keeps
/// running (MassTransit reconnects; the outbox keeps every message) and /health/ready reports unhealthy until it is back.
/// </summary>
internal sealed class BrokerStartupProbe(MessagingSettings settings, ILogger<BrokerStartupProbe> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await client.ConnectAsync(settings.RabbitMq.Host, settings.RabbitMq.Port, timeout.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            logger.LogError(
                "RabbitMQ is not reachable at {Broker} (settings Messaging:RabbitMq:Host and Messaging:RabbitMq:Port): start it (./ops/rabbitmq.sh start) or fix the settings; messages wait in the outbox and /health/ready reports unhealthy until it is reachable",
                settings.RabbitMq.ToString());
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
