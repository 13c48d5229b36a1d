using System.Globalization;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;

namespace SeriousViolence.Strands.Homicide.Importing;

/// <summary>
/// The MPS homicide victims file as published (one row per victim: Solved_Status, Year, Borough, ...): victims and the
/// share solved, per year, for each borough and London. Pseudo-boroughs count in London only. Performance checks each
/// row's width, rejects the file on any error and writes it; this class only reads.
/// </summary>
internal sealed class HomicideVictimsImporter : IObservationImporter
{
    public string Format => "homicide-victims";

    public string Expects => "the homicide victims file (Solved_Status, Year, Borough)";

    public bool Recognises(ImportHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.Find("SOLVEDSTATUS") >= 0 && header.Find("YEAR") >= 0 && header.Find("BOROUGH") >= 0;
    }

    public void Read(ImportHeader header, IEnumerable<ImportRow> rows, IImportSink sink)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(sink);
        int solved = header.Find("SOLVEDSTATUS"), year = header.Find("YEAR"), borough = header.Find("BOROUGH");
        var victims = new Dictionary<(int, string), (int All, int Solved)>();
        foreach (var (line, fields) in rows)
        {
            if (!int.TryParse(fields[year].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1990 or > 2100)
            {
                sink.Invalid(line, header.Columns[year], $"'{fields[year]}' is not a year.");
                continue;
            }

            var status = fields[solved].Trim();
            if (status is not ("Solved" or "Unsolved"))
            {
                sink.Invalid(line, header.Columns[solved], $"'{status}' is neither Solved nor Unsolved.");
                continue;
            }

            var geography = Geographies.CodeFor(fields[borough]);
            if (geography is null)
            {
                sink.Invalid(line, header.Columns[borough], $"'{fields[borough]}' is not a London borough or an MPS pseudo-borough this platform knows.");
                continue;
            }

            foreach (var g in Geographies.IsPseudo(geography) ? new[] { Geographies.London } : [geography, Geographies.London])
            {
                var (all, s) = victims.GetValueOrDefault((y, g));
                victims[(y, g)] = (all + 1, s + (status == "Solved" ? 1 : 0));
            }
        }

        foreach (var ((y, g), (all, s)) in victims)
        {
            var start = new DateOnly(y, 1, 1);
            sink.Observation("homicide-victims", PeriodKind.Year, start, g, all);
            sink.Observation("homicide-solved-rate", PeriodKind.Year, start, g, Math.Round(100m * s / all, 4), s, all);
        }
    }
}
