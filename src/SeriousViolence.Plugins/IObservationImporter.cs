namespace SeriousViolence.Plugins;

/// <summary>
/// Reads one published file format into observations of the strand's own measures. Performance runs the import (rows
/// of the wrong width are reported before they reach the importer; any error rejects the whole file; a clean file is
/// written in one transaction with revisions kept) and asks each registered importer whether it recognises the header.
/// </summary>
public interface IObservationImporter
{
    /// <summary>The format's name in import reports, e.g. "homicide-victims".</summary>
    string Format { get; }

    /// <summary>What the header must hold, for the message that lists the formats the platform reads.</summary>
    string Expects { get; }

    /// <summary>Whether the header is this format's; <paramref name="header"/> is normalised (upper case, no spaces or underscores).</summary>
    bool Recognises(ImportHeader header);

    /// <summary>Validates every row and reports observations; an invalid row rejects the file.</summary>
    void Read(ImportHeader header, IEnumerable<ImportRow> rows, IImportSink sink);
}

/// <summary>A file's header as written and as normalised for matching.</summary>
public sealed class ImportHeader(IReadOnlyList<string> columns)
{
    public IReadOnlyList<string> Columns { get; } = columns;

    public IReadOnlyList<string> Normalised { get; } =
        [.. columns.Select(h => h.ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal))];

    /// <summary>The index of the first column with one of the normalised names, or -1.</summary>
    public int Find(params string[] candidates)
    {
        for (var i = 0; i < Normalised.Count; i++)
        {
            if (candidates.Contains(Normalised[i], StringComparer.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>One data row, with its line number as a spreadsheet shows it; as wide as the header.</summary>
public sealed record ImportRow(int Line, IReadOnlyList<string> Fields);

/// <summary>Where an importer reports what it read.</summary>
public interface IImportSink
{
    void Invalid(int line, string column, string reason);

    /// <summary>Something the analyst should know that is not an error.</summary>
    void Note(string note);

    /// <summary>Sets one observation (a second report of the same key replaces the first).</summary>
    void Observation(string measureCode, SeriousViolence.Abstractions.PeriodKind kind, DateOnly periodStart, string geography, decimal value, decimal? numerator = null, decimal? denominator = null);
}
