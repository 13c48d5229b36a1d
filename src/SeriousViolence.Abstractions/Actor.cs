namespace SeriousViolence.Abstractions;

/// <summary>
/// Who is acting. Every command takes one and the owning module checks it in one place before changing anything.
/// Until sign-in exists (a separate issue), the UI acts as <see cref="LocalOperator"/>.
/// </summary>
public sealed record Actor(string Id, string DisplayName, IReadOnlySet<string> StrandScopes, bool AllStrands = false)
{
    /// <summary>The person at a host with no sign-in configured: may act for every strand. Named so that audit shows it.</summary>
    public static Actor LocalOperator { get; } = new("local-operator", "Local operator (no sign-in)", new HashSet<string>(), AllStrands: true);

    /// <summary>The platform itself (seeding, jobs).</summary>
    public static Actor System { get; } = new("system", "SeriousViolence platform", new HashSet<string>(), AllStrands: true);

    public bool MayActFor(string strandId) => AllStrands || StrandScopes.Contains(strandId);

    public static Actor ForStrands(string id, string displayName, params string[] strandIds) =>
        new(id, displayName, new HashSet<string>(strandIds, StringComparer.Ordinal));
}

/// <summary>Raised when an actor attempts something outside their scope. Pages and APIs turn it into 403.</summary>
public sealed class AccessDeniedException : Exception
{
    public AccessDeniedException(string message)
        : base(message)
    {
    }

    public AccessDeniedException()
    {
    }

    public AccessDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
