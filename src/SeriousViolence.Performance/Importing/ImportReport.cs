namespace SeriousViolence.Performance.Importing;

/// <summary>One reason a file was rejected: where (line and column, as a spreadsheet shows them) and why.</summary>
public sealed record ImportError(int Line, string Column, string Reason);

/// <summary>What an import did, or why it did nothing.</summary>
public sealed record ImportReport
{
    public required Guid BatchId { get; init; }

    public required string FileName { get; init; }

    /// <summary>The format recognised from the header, e.g. "recorded-crime-borough", or null if none.</summary>
    public string? Format { get; init; }

    public required bool Accepted { get; init; }

    public int RowsRead { get; init; }

    public int ObservationsWritten { get; init; }

    public int ObservationsRevised { get; init; }

    public int ObservationsUnchanged { get; init; }

    /// <summary>Every error found (the first 1,000), each with line, column and reason. Empty when accepted.</summary>
    public IReadOnlyList<ImportError> Errors { get; init; } = [];

    public int ErrorCount { get; init; }

    /// <summary>Things the analyst should know that are not errors (categories not mapped, pseudo-boroughs).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
