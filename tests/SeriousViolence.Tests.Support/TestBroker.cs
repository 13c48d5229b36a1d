using System.Diagnostics;

namespace SeriousViolence.Tests.Support;

/// <summary>
/// A RabbitMQ virtual host of its own on the local broker, so tests never see each other's messages. Can stop and start
/// the broker application to inject an outage (the Erlang node stays up; queues and persistent messages survive).
/// </summary>
public sealed class TestBroker : IAsyncDisposable
{
    private TestBroker(string virtualHost) => VirtualHost = virtualHost;

    public string VirtualHost { get; }

    public static async Task<TestBroker> CreateAsync()
    {
        var vhost = "sv-test-" + Guid.NewGuid().ToString("N")[..12];
        await RabbitMqCtlAsync("add_vhost", vhost);
        await RabbitMqCtlAsync("set_permissions", "-p", vhost, TestEnvironment.RabbitMqUser, ".*", ".*", ".*");
        return new TestBroker(vhost);
    }

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Messaging:Transport"] = "RabbitMQ",
        ["Messaging:RabbitMq:Host"] = "127.0.0.1",
        ["Messaging:RabbitMq:Port"] = "5672",
        ["Messaging:RabbitMq:VirtualHost"] = VirtualHost,
        ["Messaging:RabbitMq:Username"] = TestEnvironment.RabbitMqUser,
        ["Messaging:RabbitMq:Password"] = TestEnvironment.RabbitMqPassword,
    };

    /// <summary>Takes the broker down: connections close and new ones are refused.</summary>
    public static Task StopAsync() => RabbitMqCtlAsync("stop_app");

    public static async Task StartAsync()
    {
        await RabbitMqCtlAsync("start_app");
        await RabbitMqCtlAsync("await_startup");
    }

    public async ValueTask DisposeAsync()
    {
        await StartAsync(); // never leave the broker down for the next test
        await RabbitMqCtlAsync("delete_vhost", VirtualHost);
    }

    private static async Task RabbitMqCtlAsync(params string[] args)
    {
        var start = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-q");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }
    }
}
