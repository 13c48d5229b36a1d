using System.Text;
using SeriousViolence.Abstractions;

namespace SeriousViolence.Abstractions.Csv;

/// <summary>
/// Every CSV export starts and ends with its protective marking (a line of its own, as a spreadsheet shows it at the
/// top and bottom of the sheet), with what it is and when it was made.
/// </summary>
public static class MarkedCsv
{
    public static void Begin(StringBuilder sb, ProtectiveMarking marking, string title, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(sb);
        CsvText.Row(sb, marking.Label());
        CsvText.Row(sb, $"{title}; exported {(at ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("d MMMM yyyy HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} UTC");
    }

    public static void End(StringBuilder sb, ProtectiveMarking marking)
    {
        ArgumentNullException.ThrowIfNull(sb);
        CsvText.Row(sb, marking.Label());
    }
}
