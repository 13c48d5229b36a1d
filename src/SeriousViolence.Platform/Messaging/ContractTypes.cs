using System.Collections.Concurrent;
using SeriousViolence.Contracts;

namespace SeriousViolence.Platform.Messaging;

/// <summary>Resolves an outbox row's type name to a record in the Contracts assembly (and nowhere else).</summary>
internal static class ContractTypes
{
    private static readonly ConcurrentDictionary<string, Type> Cache = new(StringComparer.Ordinal);

    public static Type Resolve(string fullName) => Cache.GetOrAdd(fullName, static name =>
        typeof(StrandAnnounced).Assembly.GetType(name, throwOnError: false)
        ?? throw new InvalidOperationException($"Outbox message type '{name}' is not a contract in SeriousViolence.Contracts."));
}
