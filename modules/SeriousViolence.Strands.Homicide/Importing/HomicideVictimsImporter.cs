using System.Globalization;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;

namespace SeriousViolence.Strands.Homicide.Importing;

/// <summary>
/// The MPS homicide victims file as published (one row per victim: Solved_Status, Year, Borough, ...): victims and the
/// share solved, per year, for each borough and London. Pseudo-boroughs count in London only. Where the file has its
/// Domestic_Abuse column, also London's domestic abuse homicide victims per year, which the Domestic Violence and Hate
/// Crime strand reads as this strand publishes it (never from this strand's tables); a borough's handful is not charted.
/// Performance checks each row's width, rejects the file on any error and writes it; this class only reads.
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
        int solved = header.Find("SOLVEDSTATUS"), year = header.Find("YEAR"), borough = header.Find("BOROUGH"), domestic = header.Find("DOMESTICABUSE");
        var victims = new Dictionary<(int, string), (int All, int Solved)>();
        var domesticAbuse = new Dictionary<int, int>();
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

            bool? isDomestic = domestic < 0 ? null : fields[domestic].Trim() switch
            {
                "Domestic Abuse" => true,
                "Not Domestic Abuse" => false,
                _ => null,
            };
            if (domestic >= 0 && isDomestic is null)
            {
                sink.Invalid(line, header.Columns[domestic], $"'{fields[domestic]}' is neither Domestic Abuse nor Not Domestic Abuse.");
                continue;
            }

            var geography = Geographies.CodeFor(fields[borough]);
            if (geography is null)
            {
                sink.Invalid(line, header.Columns[borough], $"'{fields[borough]}' is not a London borough or an MPS pseudo-borough this platform knows.");
                continue;
            }

            if (isDomestic is not null)
            {
                domesticAbuse[y] = domesticAbuse.GetValueOrDefault(y) + (isDomestic.Value ? 1 : 0);
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

        // Every year with a victim in the file has a count, none included: a year without a domestic abuse homicide is 0.
        foreach (var (y, count) in domesticAbuse)
        {
            sink.Observation("domestic-abuse-homicide-victims", PeriodKind.Year, new DateOnly(y, 1, 1), Geographies.London, count);
        }
    }
}
