using SeriousViolence.Abstractions;
using SeriousViolence.Performance.Importing;

namespace SeriousViolence.Web;

/// <summary>
/// <c>SeriousViolence.Web.dll import FILE...</c>: the same import the page and POST /api/imports run, for analysts'
/// scripts. Prints one line per file and every error (line, column, reason); exits 0 only if every file was accepted.
/// </summary>
internal static class ImportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] files)
    {
        if (files.Length == 0)
        {
            await Console.Error.WriteLineAsync("usage: SeriousViolence.Web.dll import FILE [FILE...]");
            return 2;
        }

        var imports = services.GetRequiredService<ImportService>();
        var allAccepted = true;
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                await Console.Error.WriteLineAsync($"{file}: no such file");
                allAccepted = false;
                continue;
            }

            await using var stream = File.OpenRead(file);
            var report = await imports.ImportAsync(Actor.System, Path.GetFileName(file), stream, progress: null, CancellationToken.None);
            allAccepted &= report.Accepted;
            await Console.Out.WriteLineAsync(report.Accepted
                ? $"{file}: accepted as {report.Format}; {report.RowsRead} rows; {report.ObservationsWritten} new, {report.ObservationsRevised} revised, {report.ObservationsUnchanged} unchanged observations"
                : $"{file}: REJECTED ({report.Format ?? "format not recognised"}); {report.ErrorCount} error(s); nothing was written");
            foreach (var error in report.Errors)
            {
                await Console.Out.WriteLineAsync($"  line {error.Line}, {error.Column}: {error.Reason}");
            }

            foreach (var note in report.Notes)
            {
                await Console.Out.WriteLineAsync($"  note: {note}");
            }
        }

        return allAccepted ? 0 : 1;
    }
}
