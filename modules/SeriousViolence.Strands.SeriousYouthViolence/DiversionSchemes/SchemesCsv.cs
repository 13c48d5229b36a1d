using System.Globalization;
using System.Text;
using SeriousViolence.Abstractions;
using SeriousViolence.Abstractions.Csv;

namespace SeriousViolence.Strands.SeriousYouthViolence.DiversionSchemes;

/// <summary>The register as CSV, marked at the top and bottom with the highest marking of its rows.</summary>
public static class SchemesCsv
{
    public static string Write(IReadOnlyCollection<DiversionScheme> all, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(all);
        var marking = ProtectiveMarkings.Highest(all.Select(s => s.Marking));
        var sb = new StringBuilder();
        MarkedCsv.Begin(sb, marking, "Serious Youth Violence: youth diversion and engagement schemes", now);
        CsvText.Row(sb, "Borough", "Borough code", "Scheme", "Partner", "Ages from", "Ages to", "Status", "Last reviewed", "Marking", "Version", "Last changed by");
        foreach (var s in all)
        {
            CsvText.EncodedRow(sb,
                CsvText.Field(SchemeBoroughs.Name(s.Borough)), CsvText.Field(s.Borough), CsvText.Field(s.Name), CsvText.Field(s.Partner),
                CsvText.Number(s.AgeFrom), CsvText.Number(s.AgeTo), CsvText.Field(s.Status.ToString()),
                CsvText.Field(s.LastReviewed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), CsvText.Field(s.Marking.Label()),
                CsvText.Number(s.Version), CsvText.Field(s.UpdatedBy));
        }

        MarkedCsv.End(sb, marking);
        return sb.ToString();
    }
}
