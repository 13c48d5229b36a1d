using SeriousViolence.Abstractions;

namespace SeriousViolence.Strands.Homicide.Records;

internal static class HomicideAccess
{
    /// <summary>Refuses, and records the refusal, whatever the entry point, so that no refused attempt escapes the audit trail.</summary>
    public static async Task EnsureAsync(Actor actor, StrandCapability capability, IRefusalLog refusals, CancellationToken cancellationToken)
    {
        try
        {
            AccessPolicy.Ensure(actor, capability, HomicideStrand.Strand.Id);
        }
        catch (AccessDeniedException denied)
        {
            await refusals.RecordDeniedAsync(denied, capability.Description, cancellationToken);
            throw;
        }
    }
}
