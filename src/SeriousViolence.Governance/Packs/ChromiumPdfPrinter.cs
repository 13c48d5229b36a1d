using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace SeriousViolence.Governance.Packs;

/// <summary>
/// Prints our own HTML to PDF with the installed headless Chromium (no package needed, the same browser the end-to-end
/// tests drive). The flags keep it off the network: on this closed network its start-up calls would otherwise fail.
/// </summary>
public sealed class ChromiumPdfPrinter(IOptions<PackSettings> options)
{
    public async Task<byte[]> PrintAsync(string html, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!File.Exists(settings.ChromiumPath))
        {
            throw new InvalidOperationException($"No Chromium at {settings.ChromiumPath} ({PackSettings.Section}:ChromiumPath) to print the Board pack: install Debian's chromium package.");
        }

        var work = Directory.CreateTempSubdirectory("sv-pack-");
        try
        {
            var page = Path.Combine(work.FullName, "pack.html");
            var pdf = Path.Combine(work.FullName, "pack.pdf");
            await File.WriteAllTextAsync(page, html, cancellationToken);
            var start = new ProcessStartInfo(settings.ChromiumPath)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-quic", "--no-first-run", "--disable-extensions", "--no-pdf-header-footer",
                "--user-data-dir=" + Path.Combine(work.FullName, "profile"), "--print-to-pdf=" + pdf, new Uri(page).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.PrintTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not print the Board pack within {settings.PrintTimeout}.");
            }

            if (process.ExitCode != 0 || !File.Exists(pdf))
            {
                throw new InvalidOperationException($"Chromium could not print the Board pack (exit {process.ExitCode}): {(await stderr).Trim()}");
            }

            return await File.ReadAllBytesAsync(pdf, cancellationToken);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
