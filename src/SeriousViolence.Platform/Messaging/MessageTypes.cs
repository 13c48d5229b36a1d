using SeriousViolence.Contracts;
using SeriousViolence.Platform.Plugins;

namespace SeriousViolence.Platform.Messaging;

/// <summary>
/// The message types an outbox row may name: the records of SeriousViolence.Contracts and the types the loaded strand
/// plugins registered. A row naming any other type is never deserialised: the dispatcher leaves it unpublished and
/// reports it (it may belong to a strand that has left the configuration, or have been written by hand).
/// </summary>
public sealed class MessageTypes
{
    private readonly Dictionary<string, Type> _byName;

    public MessageTypes(PluginRegistry plugins)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        _byName = typeof(StrandAnnounced).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(StrandAnnounced).Namespace && t.IsClass && t.IsSealed)
            .Concat(plugins.MessageTypes)
            .ToDictionary(t => t.FullName!, StringComparer.Ordinal);
        Modules = plugins.ModuleNames;
    }

    /// <summary>Strand modules whose rows may be published (rows naming another module stay in the outbox).</summary>
    public IReadOnlySet<string> Modules { get; }

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public bool TryResolve(string fullName, out Type type) => _byName.TryGetValue(fullName, out type!);
}
