namespace SeriousViolence.Abstractions;

/// <summary>
/// The Board's picture as the Board holds it, for a module that must record it (Governance takes each quarter's record
/// and meeting agenda from it). The Board answers from its own read model, so no other module reads its schema.
/// </summary>
public interface IBoardReadModel
{
    /// <summary>Every objective the Board was told about, by strand and then text.</summary>
    Task<IReadOnlyList<BoardObjectiveReading>> ObjectivesAsync(CancellationToken cancellationToken);

    /// <summary>Each measure's monthly London series, by measure code, oldest month first; only measures with observations.</summary>
    Task<IReadOnlyList<BoardMeasureSeries>> LondonMonthlySeriesAsync(CancellationToken cancellationToken);

    /// <summary>Each objective's update for the quarter (e.g. <c>2026/27 Q1</c>) as its strand submitted it: the latest revision.</summary>
    Task<IReadOnlyList<BoardObjectiveUpdateReading>> SubmittedUpdatesAsync(string quarter, CancellationToken cancellationToken);
}

public sealed record BoardObjectiveReading(Guid ObjectiveId, string StrandId, string Text, string Status, string? Rag, int PercentComplete, long Revision);

/// <summary>A measure's series; <see cref="Polarity"/> as <c>MeasureDefined</c> said it, null when no definition has arrived.</summary>
public sealed record BoardMeasureSeries(string MeasureCode, string? Polarity, IReadOnlyList<BoardObservationReading> Points);

public sealed record BoardObservationReading(DateOnly PeriodStart, decimal Value);

public sealed record BoardObjectiveUpdateReading(
    Guid ObjectiveId, int Revision, bool CarriedForward, string? Rag, int PercentComplete, string Narrative, string SubmittedBy, DateTimeOffset SubmittedAt);
