using SeriousViolence.Abstractions;

namespace SeriousViolence.Plans;

/// <summary>The one place the Plans module decides who may change a strand's action plan.</summary>
public static class PlansAccess
{
    public static void EnsureMayChange(Actor actor, string strandId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.MayActFor(strandId))
        {
            throw new AccessDeniedException($"{actor.DisplayName} may not change the action plan of the strand '{strandId}'.");
        }
    }
}
