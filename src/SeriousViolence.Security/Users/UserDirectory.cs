using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;

namespace SeriousViolence.Security.Users;

/// <summary>A person who holds a role, as other modules may address them.</summary>
public sealed record DirectoryEntry(string UserId, string Name, string? Email);

/// <summary>
/// Who holds a role: the enabled users with a grant of any of the roles (for one strand when a strand is given), by
/// name. The one way another module (the host's governance directory) learns about users, so none reads schema security.
/// </summary>
public sealed class UserDirectory(SecurityDbContext db)
{
    public async Task<IReadOnlyList<DirectoryEntry>> HoldersAsync(IReadOnlyCollection<Role> roles, string? strandId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var grants = db.Grants.Where(g => roles.Contains(g.Role));
        if (strandId is not null)
        {
            grants = grants.Where(g => g.StrandId == strandId);
        }

        var ids = grants.Select(g => g.UserId);
        return await db.Users.AsNoTracking()
            .Where(u => u.DisabledAt == null && ids.Contains(u.Id))
            .OrderBy(u => u.DisplayName)
            .Select(u => new DirectoryEntry(u.Id, u.DisplayName, u.Email))
            .ToListAsync(cancellationToken);
    }
}
