using SeriousViolence.Abstractions;

namespace SeriousViolence.Strands.GangsCriminalNetworks;

/// <summary>
/// Who may do what with the strand's records, decided on the server for every command, query, page and endpoint: the
/// strand's lead and action owners read and change the register; only its lead removes a network, keeps the sharing
/// agreements or exports the register itself; Board members see only the aggregate picture; everyone else nothing.
/// </summary>
public static class GangsAccess
{
    public static readonly StrandCapability ManageRegister = new("manage-criminal-networks", "read and change the criminal networks register");

    public static readonly StrandCapability RemoveNetwork = new("remove-criminal-network", "remove a network from the matrix", LeadsOnly: true);

    public static readonly StrandCapability ManageAgreements = new("manage-sharing-agreements", "record information-sharing agreements", LeadsOnly: true);

    public static readonly StrandCapability ExportRegister = new("export-criminal-networks-register", "export the criminal networks register", LeadsOnly: true);

    /// <summary>The aggregate picture (counts by tier and borough, the measures): the strand's people and the Board.</summary>
    public static readonly StrandCapability ViewPicture = new("view-criminal-networks-picture", "see the criminal networks picture");

    private static string Strand => GangsCriminalNetworksStrand.Strand.Id;

    public static bool Allows(Actor actor, StrandCapability capability)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (capability == ViewPicture)
        {
            return AccessPolicy.Allows(actor, ManageRegister, Strand) || actor.Has(Role.BoardChair) || actor.Has(Role.BoardMember);
        }

        return AccessPolicy.Allows(actor, capability, Strand);
    }

    /// <summary>Refuses (and records the refusal once) unless the actor holds the capability.</summary>
    public static async Task EnsureAsync(Actor actor, StrandCapability capability, IRefusalLog refusals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refusals);
        if (Allows(actor, capability))
        {
            return;
        }

        var denied = new AccessDeniedException(actor, capability, Strand, $"{actor.DisplayName} may not {capability.Description} for the strand '{Strand}'.");
        // Recorded here, whatever the entry point (page, API), so no refused attempt escapes the audit trail.
        await refusals.RecordDeniedAsync(denied, capability.Description, cancellationToken);
        denied.Recorded = true;
        throw denied;
    }
}

/// <summary>What became of a change: saved, refused as invalid (errors by field) or refused as a concurrent edit.</summary>
public sealed record GangsResult<T>(T? Saved, IReadOnlyDictionary<string, string[]> Errors, string? Conflict)
    where T : class
{
    public bool Succeeded => Saved is not null;
}

/// <summary>Builds <see cref="GangsResult{T}"/>s.</summary>
internal static class GangsResult
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public static GangsResult<T> Ok<T>(T saved) where T : class => new(saved, NoErrors, null);

    public static GangsResult<T> Invalid<T>(IReadOnlyDictionary<string, string[]> errors) where T : class => new(null, errors, null);

    public static GangsResult<T> Invalid<T>(string field, string message) where T : class => new(null, new Dictionary<string, string[]> { [field] = [message] }, null);

    public static GangsResult<T> Conflicted<T>(string conflict) where T : class => new(null, NoErrors, conflict);
}
