using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using SeriousViolence.Tests.Support;

namespace SeriousViolence.Tests.Integration.Governance;

/// <summary>One e-mail as the SMTP server received it.</summary>
public sealed record ReceivedMail(string To, string Subject, string Raw);

/// <summary>
/// A real SMTP server on a loopback port: Debian's python3-aiosmtpd (installed by ./build/test.sh), delivering into a
/// Maildir that the test reads. It can be stopped and started again on the same port, to play a mail server outage.
/// </summary>
public sealed partial class LocalSmtpServer : IAsyncDisposable
{
    private readonly string _maildir = Path.Combine(Path.GetTempPath(), "sv-smtp-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    public int Port { get; } = FreePort();

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _maildir })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("python3 -m aiosmtpd did not start (is python3-aiosmtpd installed?)");
        await Eventually.WaitForAsync(Accepts, up => up || _process.HasExited, "the SMTP server to listen", TimeSpan.FromSeconds(20));
        if (_process.HasExited)
        {
            throw new InvalidOperationException("The SMTP server exited: " + await _process.StandardError.ReadToEndAsync());
        }
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public IReadOnlyList<ReceivedMail> Received()
    {
        var folder = Path.Combine(_maildir, "new");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.GetFiles(folder).Select(File.ReadAllText).Select(raw =>
        {
            // Unfold folded header lines before reading them.
            var headers = FoldedLine().Replace(raw.Split("\n\n", 2)[0].Replace("\r", "", StringComparison.Ordinal), " ");
            string Header(string name) => headers.Split('\n').FirstOrDefault(l => l.StartsWith(name + ": ", StringComparison.OrdinalIgnoreCase))?[(name.Length + 2)..].Trim() ?? "";
            return new ReceivedMail(Header("To"), Header("Subject"), raw);
        })];
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(_maildir))
        {
            Directory.Delete(_maildir, recursive: true);
        }
    }

    private async Task<bool> Accepts()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"\n[ \t]+")]
    private static partial Regex FoldedLine();
}
