using System.Globalization;
using System.Text;

namespace SeriousViolence.Abstractions.Csv;

/// <summary>
/// The CSV every download writes: RFC 4180 (comma, CRLF, quoted where needed) and safe to open in a spreadsheet.
/// Text is made formula-safe; numbers are written by <see cref="Number"/> and left as they are, so that a negative
/// limit stays a number a spreadsheet can chart.
/// </summary>
public static class CsvText
{
    /// <summary>RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so spreadsheets never run it as a formula.</summary>
    public static string Field(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@')
        {
            field = "'" + field;
        }

        return field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    /// <summary>A number in invariant culture, rounded to <paramref name="decimals"/> places; empty where it is not finite.</summary>
    public static string Number(double value, int decimals = 4) =>
        double.IsFinite(value) ? Math.Round(value, decimals).ToString("0.############", CultureInfo.InvariantCulture) : "";

    /// <summary>Appends one record of text fields, each passed through <see cref="Field"/>.</summary>
    public static void Row(StringBuilder sb, params IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(sb);
        sb.AppendJoin(',', fields.Select(Field)).Append("\r\n");
    }

    /// <summary>Appends one record of fields already encoded (by <see cref="Field"/> or <see cref="Number"/>).</summary>
    public static void EncodedRow(StringBuilder sb, params IEnumerable<string> encoded)
    {
        ArgumentNullException.ThrowIfNull(sb);
        sb.AppendJoin(',', encoded).Append("\r\n");
    }
}
