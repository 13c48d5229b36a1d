using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;
using SeriousViolence.Governance.People;
using SeriousViolence.Security.Users;

namespace SeriousViolence.Web;

/// <summary>
/// Who governance writes to: the people who hold the roles (strand leads of a strand; Board chair and members), from
/// the users of sign-in, plus anyone named in Governance:Directory (for example a shared mailbox without an account).
/// The host joins the two because neither module should know the other.
/// </summary>
internal sealed class PeopleDirectory(IServiceScopeFactory scopes, ConfiguredGovernanceDirectory configured) : IGovernanceDirectory
{
    public async Task<IReadOnlyList<GovernanceRecipient>> StrandLeadsAsync(string strandId, CancellationToken cancellationToken) =>
        Merge(await UsersAsync(g => g.Role == Role.StrandLead && g.StrandId == strandId, cancellationToken), await configured.StrandLeadsAsync(strandId, cancellationToken));

    public async Task<IReadOnlyList<GovernanceRecipient>> BoardAsync(CancellationToken cancellationToken) =>
        Merge(await UsersAsync(g => g.Role == Role.BoardChair || g.Role == Role.BoardMember, cancellationToken), await configured.BoardAsync(cancellationToken));

    private async Task<List<GovernanceRecipient>> UsersAsync(System.Linq.Expressions.Expression<Func<UserGrant, bool>> holds, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SecurityDbContext>();
        var ids = db.Grants.Where(holds).Select(g => g.UserId);
        return await db.Users.AsNoTracking()
            .Where(u => u.DisabledAt == null && ids.Contains(u.Id))
            .OrderBy(u => u.DisplayName)
            .Select(u => new GovernanceRecipient(u.Id, u.DisplayName, u.Email))
            .ToListAsync(cancellationToken);
    }

    private static List<GovernanceRecipient> Merge(List<GovernanceRecipient> users, IReadOnlyList<GovernanceRecipient> configured) =>
        [.. users, .. configured.Where(c => users.All(u => u.UserId != c.UserId))];
}
