namespace SeriousViolence.Abstractions;

/// <summary>The roles of the strategy's governance. Strand lead and action owner are held for particular strands.</summary>
public enum Role
{
    BoardChair,
    BoardMember,
    StrandLead,
    ActionOwner,
    PerformanceAnalyst,
    Administrator,
    Auditor,
    Partner,
}

/// <summary>One role held by a user; <see cref="StrandId"/> is set for the strand-scoped roles (lead, action owner).</summary>
public sealed record RoleGrant(Role Role, string? StrandId = null)
{
    public static bool IsStrandScoped(Role role) => role is Role.StrandLead or Role.ActionOwner;

    public override string ToString() => StrandId is null ? Role.ToString() : $"{Role}:{StrandId}";
}

/// <summary>
/// Who is acting. Every command takes one and checks it with <see cref="AccessPolicy"/> before changing anything;
/// the host builds it from the signed-in user (or an API token) on the server, never from anything the browser sends.
/// </summary>
public sealed record Actor
{
    public Actor(string id, string displayName, IEnumerable<RoleGrant> grants, string? partnerId = null, bool isSystem = false, IReadOnlySet<string>? measureScope = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(grants);
        Id = id;
        DisplayName = displayName;
        Grants = grants.ToHashSet();
        PartnerId = partnerId;
        IsSystem = isSystem;
        MeasureScope = measureScope;
    }

    public string Id { get; }

    public string DisplayName { get; }

    public IReadOnlySet<RoleGrant> Grants { get; }

    /// <summary>For a partner user: the partner (from the strategy's partner list) whose shared items they may read.</summary>
    public string? PartnerId { get; }

    /// <summary>Set for an API token limited to some measures: it may record values of those measures only.</summary>
    public IReadOnlySet<string>? MeasureScope { get; }

    /// <summary>The platform itself: seeding, scheduled jobs, and commands run at the machine by its operator.</summary>
    public bool IsSystem { get; }

    /// <summary>The platform itself (seeding, jobs, command-line imports by whoever holds the database credentials).</summary>
    public static Actor System { get; } = new("system", "SeriousViolence platform", [], isSystem: true);

    /// <summary>Nobody: what an unauthenticated request acts as. Every capability is refused.</summary>
    public static Actor Anonymous { get; } = new("anonymous", "Not signed in", []);

    public bool Has(Role role) => Grants.Any(g => g.Role == role);

    public bool Has(Role role, string strandId) => Grants.Contains(new RoleGrant(role, strandId));

    /// <summary>Strands this actor leads or owns actions in: where they may change things.</summary>
    public IReadOnlySet<string> StrandScopes => Grants.Where(g => g.StrandId is not null).Select(g => g.StrandId!).ToHashSet(StringComparer.Ordinal);

    /// <summary>True for anyone inside the force (every role but partner).</summary>
    public bool IsInternal => IsSystem || Grants.Any(g => g.Role != Role.Partner);

    /// <summary>A strand lead for the given strands: the common case in tests and examples.</summary>
    public static Actor ForStrands(string id, string displayName, params string[] strandIds) =>
        new(id, displayName, strandIds.Select(s => new RoleGrant(Role.StrandLead, s)));

    public static Actor WithRoles(string id, string displayName, params RoleGrant[] grants) => new(id, displayName, grants);

    public override string ToString() => $"{DisplayName} ({Id})";
}

/// <summary>
/// Raised when an actor attempts something outside their roles or strands. APIs turn it into 403 and pages into a
/// refusal message; both record it in the audit trail.
/// </summary>
public sealed class AccessDeniedException : Exception
{
    public AccessDeniedException(Actor actor, Capability capability, string? strandId, string message)
        : base(message)
    {
        Actor = actor;
        Capability = capability;
        StrandId = strandId;
    }

    public AccessDeniedException(Actor actor, StrandCapability capability, string strandId, string message)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(capability);
        Actor = actor;
        StrandCapability = capability;
        StrandId = strandId;
    }

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

    public Actor? Actor { get; }

    public Capability? Capability { get; }

    /// <summary>Set when the refused capability is one a strand declared itself.</summary>
    public StrandCapability? StrandCapability { get; }

    /// <summary>The refused capability's name, for the audit trail: the platform's or the strand's own code.</summary>
    public string CapabilityName => StrandCapability?.Code ?? Capability?.ToString() ?? "";

    public string? StrandId { get; }

    /// <summary>
    /// Set once the refusal is in the audit trail, so that a command that records its own refusal and the boundary that
    /// turns it into 403 do not record it twice.
    /// </summary>
    public bool Recorded { get; set; }
}
