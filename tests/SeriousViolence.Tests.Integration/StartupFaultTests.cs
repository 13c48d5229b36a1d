using System.Diagnostics;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>The host run as an operator runs it: a fault at start is one clear line and a non-zero exit, never a stack trace.</summary>
public sealed class StartupFaultTests
{
    private static async Task<(int ExitCode, string Output)> RunHostAsync(IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(RepositoryPaths.WebDll);
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment.Remove("ConnectionStrings__SeriousViolence");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The host did not exit: " + await stdout + await stderr);
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }

    private static void AssertOneClearLine(int exitCode, string output, params string[] expected)
    {
        Assert.Equal(2, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("SeriousViolence cannot start:", StringComparison.Ordinal));
        foreach (var text in expected)
        {
            Assert.Contains(text, line, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_broker_that_is_down_is_named_in_one_line_while_the_host_serves_and_reports_not_ready()
    {
        await using var broker = await TestBroker.CreateAsync();
        await using var db = await TestDatabase.CreateAsync();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(RepositoryPaths.WebDll);
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__SeriousViolence"] = db.ConnectionString;
        foreach (var (key, value) in broker.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Messaging__RabbitMq__Port"] = "5699"; // nothing listens there
        using var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            var at = e.Data.IndexOf("Now listening on: ", StringComparison.Ordinal);
            if (at >= 0)
            {
                listening.TrySetResult(new Uri(e.Data[(at + "Now listening on: ".Length)..].Trim() + "/"));
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
            using var client = new HttpClient { BaseAddress = address };
            var ready = await client.GetAsync("health/ready");
            var home = await client.GetAsync("");
            // Let MassTransit retry the connection at least once more, so the retries' log lines are covered too.
            await Task.Delay(TimeSpan.FromSeconds(3));

            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.OK, home.StatusCode);
            var log = string.Join('\n', output);
            Assert.Contains("RabbitMQ is not reachable at amqp://", log, StringComparison.Ordinal);
            Assert.Contains("Messaging:RabbitMq:Host and Messaging:RabbitMq:Port", log, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", log, StringComparison.Ordinal);
            Assert.DoesNotContain(TestEnvironment.RabbitMqPassword, log, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_missing_connection_string_names_the_setting()
    {
        var (exit, output) = await RunHostAsync(new Dictionary<string, string>());
        AssertOneClearLine(exit, output, "ConnectionStrings:SeriousViolence", "ConnectionStrings__SeriousViolence");
    }

    [Fact]
    public async Task An_unreachable_database_names_the_setting_and_what_to_do()
    {
        var (exit, output) = await RunHostAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__SeriousViolence"] = "Host=127.0.0.1;Port=1;Database=nowhere;Username=nobody;Password=x;Timeout=3",
        });
        AssertOneClearLine(exit, output, "Cannot reach PostgreSQL at 127.0.0.1:1/nowhere", "ConnectionStrings:SeriousViolence", "./ops/postgres.sh start");
        Assert.DoesNotContain("Password=x", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_database_credentials_are_named_as_such()
    {
        var (exit, output) = await RunHostAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__SeriousViolence"] = new Npgsql.NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnectionString) { Password = "not-the-password" }.ConnectionString,
        });
        AssertOneClearLine(exit, output, "refused the credentials");
        Assert.DoesNotContain("not-the-password", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_strand_in_configuration_is_a_clear_start_up_error()
    {
        var (exit, output) = await RunHostAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__SeriousViolence"] = TestEnvironment.PostgresConnectionString,
            ["Strands__Enabled"] = "SeriousViolence.Strands.Jigsaw,SeriousViolence.Strands.Knitting",
        });
        AssertOneClearLine(exit, output, "Unknown strand 'SeriousViolence.Strands.Knitting'", "Strands:Enabled");
    }
}
