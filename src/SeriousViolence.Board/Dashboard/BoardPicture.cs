using SeriousViolence.Abstractions;
using SeriousViolence.Contracts;
using SeriousViolence.Performance.Spc;

namespace SeriousViolence.Board.Dashboard;

/// <summary>Everything the overview, the agenda, the print view and the summary API show, computed once per load.</summary>
public sealed record BoardPicture
{
    public required DateTimeOffset AsAt { get; init; }

    public required FinancialQuarter Quarter { get; init; }

    /// <summary>Null until Plans has announced the strategy.</summary>
    public StrategyAnnounced? Strategy { get; init; }

    public required IReadOnlyList<StrandCard> Strands { get; init; }

    public required IReadOnlyList<ObjectiveRow> Objectives { get; init; }

    public required IReadOnlyList<MeasureRow> Measures { get; init; }

    public required IReadOnlyList<AgendaItem> Exceptions { get; init; }

    public static ProtectiveMarking Marking => ProtectiveMarking.Official;
}

public sealed record StrandCard(
    string StrandId,
    int Number,
    string Name,
    string Operation,
    string LeadRole,
    string PagePath,
    Rag? RollUp,
    IReadOnlyDictionary<string, int> ByStatus,
    int Total,
    double? OnTrackShare,
    int Overdue,
    int OfConcern,
    BoardSubmissionState CurrentQuarter,
    BoardSubmissionState LastQuarter)
{
    /// <summary>What the strand's plugin publishes about itself, as it wrote it (the Board never computes these).</summary>
    public IReadOnlyList<StrandHighlight> Highlights { get; init; } = [];
}

/// <summary>A quarter's submission as the Board has it: null <see cref="Revision"/> when not received.</summary>
public sealed record BoardSubmissionState(string Quarter, long? Revision, DateTimeOffset? SubmittedAt, string? SubmittedBy)
{
    public bool Received => Revision is not null;
}

public sealed record ObjectiveRow(
    Guid ObjectiveId,
    string StrandId,
    IReadOnlyList<string> Ripe,
    IReadOnlyList<int> Years,
    string Status,
    string? Rag,
    int PercentComplete,
    IReadOnlyList<string> Themes,
    string Text,
    string? DueQuarter,
    string? Owner,
    IReadOnlyList<string> Partners,
    IReadOnlyList<string> Boroughs,
    bool Overdue,
    bool OfConcern,
    long Revision);

public sealed record MeasureRow(
    string Code,
    string Name,
    string Unit,
    string Polarity,
    string Frequency,
    IReadOnlyList<int> KeyOutcomes,
    IReadOnlyList<string> StrandIds,
    decimal? TargetValue,
    string? TargetText,
    string? LatestPeriod,
    decimal? LatestValue,
    int Points,
    VariationIcon? Variation,
    AssuranceIcon Assurance,
    string? Proxy = null)
{
    public string LatestValueText => LatestValue is { } v ? BoardText.Number(v, Unit) : "no data";
}

/// <summary>One place's latest value of a measure and its variation.</summary>
public sealed record PlaceValue(string Code, string Name, string? LatestPeriod, decimal? LatestValue, VariationIcon? Variation, AssuranceIcon Assurance);

/// <summary>An objective with its history of quarterly updates, for the drill-down.</summary>
public sealed record ObjectiveDetail(ObjectiveRow Objective, StrandCard? Strand, IReadOnlyList<QuarterlyUpdateRow> Updates);

public sealed record QuarterlyUpdateRow(string Quarter, int Revision, bool CarriedForward, string? Rag, int PercentComplete, string Narrative, string SubmittedBy, DateTimeOffset SubmittedAt);
