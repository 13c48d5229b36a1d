using SeriousViolence.Platform.Plugins;

namespace SeriousViolence.Plans;

/// <summary>
/// Which module a message about a strand's objectives is from: the strand's plugin, so that the outbox row names it and
/// the dispatcher stops it when that plugin is no longer loaded. Plans' own content (the strategy) names no module.
/// </summary>
internal static class StrandSource
{
    /// <summary>
    /// The strand's plugin module; for a strand not loaded, a name no loaded module has, so the dispatcher holds the
    /// message and reports it rather than publishing news of a strand that is gone.
    /// </summary>
    public static string ModuleFor(this PluginRegistry plugins, string strandId) =>
        plugins.ModuleOf(strandId) ?? $"unloaded strand '{strandId}'";
}
