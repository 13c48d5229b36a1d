using System.Text.Json;
using SeriousViolence.Abstractions;
using SeriousViolence.Contracts;

namespace SeriousViolence.Plans.Model;

/// <summary>The editable facts of an objective, as a value: what is snapshotted, compared and published.</summary>
public sealed record ObjectiveState
{
    public required string Text { get; init; }

    public required RipeCategory Ripe { get; init; }

    public required StrategyYears Years { get; init; }

    public string? Owner { get; init; }

    public IReadOnlyList<string> Partners { get; init; } = [];

    public IReadOnlyList<string> Themes { get; init; } = [];

    public IReadOnlyList<string> Boroughs { get; init; } = [];

    public string? TargetText { get; init; }

    public string? DueQuarter { get; init; }

    public required ObjectiveStatus Status { get; init; }

    public Rag? Rag { get; init; }

    public required int PercentComplete { get; init; }

    /// <summary>"[x] Title (due 2008-03-31)" per milestone, in order.</summary>
    public IReadOnlyList<string> Milestones { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ObjectiveState Of(Objective o) => new()
    {
        Text = o.Text, Ripe = o.Ripe, Years = o.Years, Owner = o.Owner, Partners = [.. o.Partners], Themes = [.. o.Themes],
        Boroughs = [.. o.Boroughs], TargetText = o.TargetText, DueQuarter = o.DueQuarter, Status = o.Status, Rag = o.Rag,
        PercentComplete = o.PercentComplete,
        Milestones = [.. o.Milestones.OrderBy(m => m.Position).Select(m => $"[{(m.Done ? "x" : " ")}] {m.Title}{(m.DueDate is { } d ? $" (due {d:yyyy-MM-dd})" : "")}")],
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ObjectiveState FromJson(string json) => JsonSerializer.Deserialize<ObjectiveState>(json, Json)!;

    /// <summary>The fields that differ, as the Board would describe them: (field, this value, other value).</summary>
    public IReadOnlyList<FieldChange> Differences(ObjectiveState other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var changes = new List<FieldChange>();
        void Compare(string field, string? mine, string? theirs)
        {
            if (!string.Equals(mine, theirs, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(field, mine ?? "(none)", theirs ?? "(none)"));
            }
        }

        Compare("Text", Text, other.Text);
        Compare("RIPE", Ripe.Label(), other.Ripe.Label());
        Compare("Years", Years.Label(), other.Years.Label());
        Compare("Owner", Owner, other.Owner);
        Compare("Partners", string.Join(", ", Partners), string.Join(", ", other.Partners));
        Compare("Themes", string.Join(", ", Themes), string.Join(", ", other.Themes));
        Compare("Boroughs", string.Join(", ", Boroughs), string.Join(", ", other.Boroughs));
        Compare("Target", TargetText, other.TargetText);
        Compare("Due quarter", DueQuarter, other.DueQuarter);
        Compare("Status", Status.Label(), other.Status.Label());
        Compare("RAG", Rag?.ToString(), other.Rag?.ToString());
        Compare("Percent complete", PercentComplete + "%", other.PercentComplete + "%");
        Compare("Milestones", string.Join("; ", Milestones), string.Join("; ", other.Milestones));
        return changes;
    }
}

public sealed record FieldChange(string Field, string From, string To);

public static class ObjectiveMessages
{
    /// <summary>[1], [2], [1, 2] or [] as the messages and the API carry years.</summary>
    public static IReadOnlyList<int> YearNumbers(StrategyYears years) =>
        years switch
        {
            StrategyYears.Year1 => [1],
            StrategyYears.Year2 => [2],
            StrategyYears.Both => [1, 2],
            _ => [],
        };

    public static RipeActionUpdated ToMessage(this Objective o, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new RipeActionUpdated
        {
            StrandId = o.StrandId,
            ObjectiveId = o.Id,
            Revision = o.Revision,
            OccurredAt = now,
            Ripe = [.. o.Ripe.Categories().Select(c => c.ToString())],
            Years = YearNumbers(o.Years),
            Status = o.Status.ToString(),
            Rag = o.Rag?.ToString(),
            PercentComplete = o.PercentComplete,
            Themes = [.. o.Themes],
            Text = o.Text,
            DueQuarter = o.DueQuarter,
            Owner = o.Owner,
            Partners = [.. o.Partners],
            Boroughs = [.. o.Boroughs],
        };
    }
}
