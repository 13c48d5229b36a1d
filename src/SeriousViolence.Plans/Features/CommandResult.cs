using SeriousViolence.Plans.Model;

namespace SeriousViolence.Plans.Features;

/// <summary>The outcome of a command people make: done, refused with messages per field, or a concurrent-edit conflict.</summary>
public sealed record CommandResult<T>
{
    public T? Value { get; init; }

    /// <summary>Field name (as in the form) to its messages; empty when the command succeeded.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();

    public EditConflict? Conflict { get; init; }

    public bool Succeeded => Errors.Count == 0 && Conflict is null;

}

/// <summary>Builds <see cref="CommandResult{T}"/>s.</summary>
public static class CommandResult
{
    public static CommandResult<T> Ok<T>(T value) => new() { Value = value };

    public static CommandResult<T> Invalid<T>(IReadOnlyDictionary<string, string[]> errors) => new() { Errors = errors };

    public static CommandResult<T> Conflicted<T>(EditConflict conflict) => new() { Conflict = conflict };
}

/// <summary>
/// Someone else saved the same record since it was opened. Nothing was saved; <see cref="Changes"/> says what they
/// changed (from the version this editor started with to the version now stored).
/// </summary>
public sealed record EditConflict(long YourRevision, long CurrentRevision, string ChangedBy, DateTimeOffset ChangedAt, IReadOnlyList<FieldChange> Changes, string Subject = "objective")
{
    public string Message =>
        $"Not saved: {ChangedBy} changed this {Subject} at {ChangedAt.UtcDateTime:d MMM yyyy HH:mm} UTC after you opened it. " +
        (Changes.Count == 0 ? "Reload to see their version." : "They changed: " + string.Join("; ", Changes.Select(c => $"{c.Field} from \"{c.From}\" to \"{c.To}\"")) + ".");
}

internal sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public bool Failed => _errors.Count > 0;

    public IReadOnlyDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
