namespace SeriousViolence.Strands.Homicide.Records;

/// <summary>What became of an entry: saved, refused as invalid (errors by field) or refused as a concurrent edit.</summary>
public sealed record RegisterResult<T>(T? Saved, IReadOnlyDictionary<string, string[]> Errors, string? Conflict)
    where T : class
{
    public bool Succeeded => Saved is not null;

    internal static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    internal static RegisterResult<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, errors, null);

    internal static RegisterResult<T> Conflicted(string conflict) => new(null, NoErrors, conflict);

    internal static RegisterResult<T> Ok(T saved) => new(saved, NoErrors, null);
}
