using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace SeriousViolence.Web;

/// <summary>
/// One line per log entry, with any exception reduced to its chain of types and messages. Operators read these logs:
/// a broker that is down should read as one sentence per retry, not as a page of stack frames. Development keeps
/// the default formatter with full stack traces.
/// </summary>
internal sealed class CompactConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "compact";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        var line = new StringBuilder()
            .Append(DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture))
            .Append(' ').Append(Level(logEntry.LogLevel))
            .Append(' ').Append(logEntry.Category)
            .Append(": ").Append(message.ReplaceLineEndings(" "));
        for (var e = logEntry.Exception; e is not null; e = e.InnerException)
        {
            line.Append(e == logEntry.Exception ? " | " : " <- ").Append(e.GetType().Name).Append(": ").Append(e.Message.ReplaceLineEndings(" "));
        }

        textWriter.WriteLine(line.ToString());
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
