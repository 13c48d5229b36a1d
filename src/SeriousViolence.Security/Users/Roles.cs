using SeriousViolence.Abstractions;

namespace SeriousViolence.Security.Users;

/// <summary>Role names as the Board and the strands say them.</summary>
public static class Roles
{
    public static string Label(Role role) => role switch
    {
        Role.BoardChair => "Board chair",
        Role.BoardMember => "Board member",
        Role.StrandLead => "Strand lead",
        Role.ActionOwner => "Action owner",
        Role.PerformanceAnalyst => "Performance analyst",
        Role.Administrator => "Administrator",
        Role.Auditor => "Auditor",
        Role.Partner => "Partner",
        _ => role.ToString(),
    };

    public static string Describe(RoleGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return grant.StrandId is null ? Label(grant.Role) : $"{Label(grant.Role)} ({grant.StrandId})";
    }
}
