using System.Globalization;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;

namespace SeriousViolence.Performance.Importing;

/// <summary>A mapping row: this published category feeds that measure.</summary>
public sealed record CategoryMapping(string Family, string Major, string Minor, string MeasureCode);

/// <summary>What reading a file produced: observations by key, or the reasons it must be rejected.</summary>
public sealed class ParseResult
{
    public string? Format { get; set; }

    public int RowsRead { get; set; }

    public List<ImportError> Errors { get; } = [];

    public int ErrorCount { get; set; }

    public Dictionary<ObservationKey, Accumulator> Observations { get; } = [];

    /// <summary>Wards met in a ward file: code to (name, borough code).</summary>
    public Dictionary<string, (string Name, string? Borough)> Wards { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Notes { get; } = new(StringComparer.Ordinal);

    public void Error(int line, string column, string reason)
    {
        ErrorCount++;
        if (Errors.Count < 1000)
        {
            Errors.Add(new ImportError(line, column, reason));
        }
    }

    public void Add(ObservationKey key, decimal value)
    {
        if (!Observations.TryGetValue(key, out var a))
        {
            Observations[key] = a = new Accumulator();
        }

        a.Value += value;
    }
}

/// <summary>
/// Reads the MPS open-data formats as published, recognising the format from the header:
/// borough recorded crime (BoroughName / LookUp_BoroughName / BOCU / Borough; MajorText,MinorText / Group,SubGroup /
/// Major Category,Minor Category; any capitalisation; one column per month yyyymm), ward recorded crime (WardCode),
/// and the knife-crime dashboard's long format; when none of these matches, the first plugin importer that recognises
/// the header reads the file. Every row is validated; the caller writes nothing unless the whole file is clean.
/// </summary>
public static class ImportParser
{
    private static readonly string[] BuiltInExpects =
    [
        "MPS recorded crime (a borough or ward column, MajorText/MinorText or Group/SubGroup or Major Category/Minor Category, and yyyymm month columns)",
        "the knife-crime dashboard (month_year, crime_subtype, measure, count)",
    ];

    public static ParseResult Parse(TextReader reader, IReadOnlyList<CategoryMapping> mappings, IReadOnlyList<PluginImporter>? importers = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var result = new ParseResult();
        using var rows = CsvLines.Read(reader).GetEnumerator();
        if (!rows.MoveNext())
        {
            result.Error(1, "(file)", "The file is empty.");
            return result;
        }

        var header = rows.Current.Fields.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var names = header.Select(h => h.ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)).ToArray();
        int Find(params string[] candidates) => Array.FindIndex(names, n => candidates.Contains(n));

        var months = names.Select((n, i) => (n, i)).Where(x => x.n.Length == 6 && x.n.All(char.IsAsciiDigit)).ToList();
        var major = Find("MAJORTEXT", "GROUP", "MAJORCATEGORY");
        var minor = Find("MINORTEXT", "SUBGROUP", "MINORCATEGORY");
        var wardCode = Find("WARDCODE");
        var borough = Find("BOROUGHNAME", "LOOKUPBOROUGHNAME", "BOCU", "BOROUGH");

        if (major >= 0 && minor >= 0 && months.Count > 0 && (wardCode >= 0 || borough >= 0))
        {
            result.Format = wardCode >= 0 ? "recorded-crime-ward" : "recorded-crime-borough";
            RecordedCrime(rows, header, major, minor, borough, wardCode, Find("WARDNAME"), months, mappings, result);
        }
        else if (Find("MONTHYEAR") >= 0 && Find("CRIMESUBTYPE") >= 0 && Find("MEASURE") >= 0 && Find("COUNT") >= 0)
        {
            result.Format = "knife-crime-dashboard";
            KnifeDashboard(rows, header, Find("MONTHYEAR"), Find("AREATYPE"), Find("AREANAME"), Find("AREACODE"), Find("CRIMESUBTYPE"), Find("MEASURE"), Find("COUNT"), mappings, result);
        }
        else if ((importers ?? []).FirstOrDefault(i => i.Importer.Recognises(new ImportHeader(header))) is { } plugin)
        {
            result.Format = plugin.Importer.Format;
            ReadWithPlugin(rows, header, plugin, result);
        }
        else
        {
            var expected = BuiltInExpects.Concat((importers ?? []).Select(i => i.Importer.Expects)).ToArray();
            result.Error(1, "(header)",
                $"Not a format this platform reads. Expected {string.Join(", ", expected[..^1])} or {expected[^1]}.");
        }

        return result;
    }

    /// <summary>A row must have as many values as the header has columns; otherwise it is reported and skipped.</summary>
    private static bool HasHeaderWidth(ParseResult result, int line, string[] fields, string[] header)
    {
        if (fields.Length == header.Length)
        {
            return true;
        }

        result.Error(line, "(row)", $"Has {fields.Length} values where the header has {header.Length} columns.");
        return false;
    }

    /// <summary>
    /// Hands a plugin's importer the rows as wide as the header (the others are reported here first, so that no importer
    /// sees a short row) and collects what it reports through <see cref="PluginImportSink"/>.
    /// </summary>
    private static void ReadWithPlugin(IEnumerator<(int Line, string[] Fields)> rows, string[] header, PluginImporter plugin, ParseResult result)
    {
        IEnumerable<ImportRow> WellFormed()
        {
            while (rows.MoveNext())
            {
                var (line, fields) = rows.Current;
                result.RowsRead++;
                if (HasHeaderWidth(result, line, fields, header))
                {
                    yield return new ImportRow(line, fields);
                }
            }
        }

        var sink = new PluginImportSink(plugin, result);
        plugin.Importer.Read(new ImportHeader(header), WellFormed(), sink);
        // An importer that stopped early still has every row counted and checked.
        foreach (var _ in WellFormed())
        {
        }
    }

    private static void RecordedCrime(
        IEnumerator<(int Line, string[] Fields)> rows, string[] header, int major, int minor, int borough, int wardCode, int wardName,
        List<(string Name, int Index)> months, IReadOnlyList<CategoryMapping> mappings, ParseResult result)
    {
        var periods = new Dictionary<int, DateOnly>();
        foreach (var (name, index) in months)
        {
            var year = int.Parse(name.AsSpan(0, 4), CultureInfo.InvariantCulture);
            var month = int.Parse(name.AsSpan(4, 2), CultureInfo.InvariantCulture);
            if (month is < 1 or > 12 || year < 1990)
            {
                result.Error(1, header[index], $"'{header[index]}' is not a month (yyyymm).");
                continue;
            }

            periods[index] = new DateOnly(year, month, 1);
        }

        var byCategory = mappings.Where(m => m.Family == "recorded-crime").ToLookup(m => (m.Major.ToUpperInvariant(), m.Minor.ToUpperInvariant()));
        while (rows.MoveNext())
        {
            var (line, fields) = rows.Current;
            result.RowsRead++;
            if (!HasHeaderWidth(result, line, fields, header))
            {
                continue;
            }

            string? geography;
            if (wardCode >= 0)
            {
                geography = fields[wardCode].Trim();
                if (!geography.StartsWith("E05", StringComparison.Ordinal) || geography.Length != 9)
                {
                    result.Error(line, header[wardCode], $"'{fields[wardCode]}' is not a ward code (E05 followed by six digits).");
                    continue;
                }

                var boroughName = borough >= 0 ? fields[borough].Trim() : null;
                result.Wards[geography] = (wardName >= 0 ? fields[wardName].Trim() : geography, boroughName is null ? null : Geographies.CodeFor(boroughName));
            }
            else
            {
                geography = Geographies.CodeFor(fields[borough]);
                if (geography is null)
                {
                    result.Error(line, header[borough], $"'{fields[borough]}' is not a London borough or an MPS pseudo-borough this platform knows.");
                    continue;
                }

                if (Geographies.IsPseudo(geography))
                {
                    result.Notes.Add($"'{fields[borough].Trim()}' is an MPS pseudo-borough: counted in London's total, shown in no borough view.");
                }
            }

            var measures = byCategory[(fields[major].Trim().ToUpperInvariant(), fields[minor].Trim().ToUpperInvariant())].Select(m => m.MeasureCode).Distinct().ToList();
            foreach (var (index, period) in periods)
            {
                var text = fields[index].Trim();
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                {
                    result.Error(line, header[index], $"'{text}' is not a count (a whole number, zero or more).");
                    continue;
                }

                foreach (var measure in measures)
                {
                    result.Add(new ObservationKey(measure, PeriodKind.Month, period, geography), count);
                    if (wardCode < 0)
                    {
                        result.Add(new ObservationKey(measure, PeriodKind.Month, period, Geographies.London), count);
                    }
                }
            }
        }

        // Pseudo-boroughs are in London's total only.
        foreach (var key in result.Observations.Keys.Where(k => Geographies.IsPseudo(k.Geography)).ToList())
        {
            result.Observations.Remove(key);
        }
    }

    private static void KnifeDashboard(
        IEnumerator<(int Line, string[] Fields)> rows, string[] header, int monthYear, int areaType, int areaName, int areaCode, int subtype, int measureColumn, int countColumn,
        IReadOnlyList<CategoryMapping> mappings, ParseResult result)
    {
        var bySubtype = mappings.Where(m => m.Family == "knife-dashboard").ToLookup(m => (m.Major.ToUpperInvariant(), m.Minor.ToUpperInvariant()));
        var offences = new Dictionary<(DateOnly, string), decimal>();
        var outcomes = new Dictionary<(DateOnly, string), decimal>();
        while (rows.MoveNext())
        {
            var (line, fields) = rows.Current;
            result.RowsRead++;
            if (!HasHeaderWidth(result, line, fields, header))
            {
                continue;
            }

            if (!DateOnly.TryParseExact(fields[monthYear].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Day != 1)
            {
                result.Error(line, header[monthYear], $"'{fields[monthYear]}' is not the first day of a month (yyyy-mm-01).");
                continue;
            }

            if (areaType >= 0 && !string.Equals(fields[areaType].Trim(), "Borough", StringComparison.OrdinalIgnoreCase))
            {
                result.Error(line, header[areaType], $"Area type '{fields[areaType]}' is not read; this importer takes borough rows.");
                continue;
            }

            var code = fields[areaCode].Trim();
            if (areaName >= 0 && Geographies.IsOutsideTheMps(fields[areaName]))
            {
                result.Notes.Add($"Rows for '{fields[areaName].Trim()}' are another force's offences: not counted in London or any borough.");
                continue;
            }

            string? geography = Geographies.Boroughs.ContainsKey(code) ? code : Geographies.CodeFor(areaName >= 0 ? fields[areaName] : "");
            if (geography is null && code.Length == 0 && (areaName < 0 || fields[areaName].Trim().Length == 0))
            {
                // Rows with neither name nor code are MPS offences not attributed to a borough: London only.
                geography = "mps:unknown";
            }

            if (geography is null)
            {
                result.Error(line, header[areaCode], $"'{code}' / '{(areaName >= 0 ? fields[areaName] : "")}' is not a London borough or an MPS pseudo-borough this platform knows.");
                continue;
            }

            if (!decimal.TryParse(fields[countColumn].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                result.Error(line, header[countColumn], $"'{fields[countColumn]}' is not a count (a whole number, zero or more).");
                continue;
            }

            var sub = fields[subtype].Trim().ToUpperInvariant();
            var measure = fields[measureColumn].Trim().ToUpperInvariant();
            foreach (var m in bySubtype[(sub, measure)].Select(m => m.MeasureCode).Distinct())
            {
                result.Add(new ObservationKey(m, PeriodKind.Month, date, geography), count);
                result.Add(new ObservationKey(m, PeriodKind.Month, date, Geographies.London), count);
            }

            // The positive-outcome rate: knife crime positive outcomes over knife crime offences, same month and place.
            if (sub == "KNIFE CRIME")
            {
                var target = measure == "OFFENCES" ? offences : measure == "POSITIVE OUTCOMES" ? outcomes : null;
                if (target is not null)
                {
                    foreach (var g in new[] { geography, Geographies.London })
                    {
                        target[(date, g)] = target.GetValueOrDefault((date, g)) + count;
                    }
                }
            }

            if (Geographies.IsPseudo(geography))
            {
                result.Notes.Add($"'{(areaName >= 0 ? fields[areaName].Trim() : code)}' is an MPS pseudo-borough: counted in London's total, shown in no borough view.");
            }
        }

        foreach (var ((date, geography), denominator) in offences.Where(o => o.Value > 0))
        {
            var numerator = outcomes.GetValueOrDefault((date, geography));
            result.Observations[new ObservationKey("knife-crime-positive-outcome-rate", PeriodKind.Month, date, geography)] =
                new Accumulator { Value = Math.Round(100m * numerator / denominator, 4), Numerator = numerator, Denominator = denominator };
        }

        foreach (var key in result.Observations.Keys.Where(k => Geographies.IsPseudo(k.Geography)).ToList())
        {
            result.Observations.Remove(key);
        }
    }
}
