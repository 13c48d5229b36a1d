using SeriousViolence.Abstractions;

namespace SeriousViolence.Performance;

/// <summary>The one place the Performance module decides who may load data and define measures.</summary>
public static class PerformanceAccess
{
    /// <summary>Imports write force-wide data for every strand, so only an actor who may act for all strands may run one.</summary>
    public static void EnsureMayImport(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.AllStrands)
        {
            throw new AccessDeniedException($"{actor.DisplayName} may not import performance data; imports are for performance analysts.");
        }
    }
}
