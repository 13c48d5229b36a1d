using SeriousViolence.Abstractions;
using SeriousViolence.Governance.People;
using SeriousViolence.Security.Users;

namespace SeriousViolence.Web;

/// <summary>
/// Who governance writes to: the people who hold the roles (strand leads of a strand; Board chair and members), from
/// Security's directory of users, plus anyone named in Governance:Directory (for example a shared mailbox without an
/// account). The host joins the two because neither module should know the other.
/// </summary>
internal sealed class PeopleDirectory(IServiceScopeFactory scopes, ConfiguredGovernanceDirectory configured) : IGovernanceDirectory
{
    private static readonly Role[] StrandLead = [Role.StrandLead];
    private static readonly Role[] Board = [Role.BoardChair, Role.BoardMember];

    public async Task<IReadOnlyList<GovernanceRecipient>> StrandLeadsAsync(string strandId, CancellationToken cancellationToken) =>
        Merge(await HoldersAsync(StrandLead, strandId, cancellationToken), await configured.StrandLeadsAsync(strandId, cancellationToken));

    public async Task<IReadOnlyList<GovernanceRecipient>> BoardAsync(CancellationToken cancellationToken) =>
        Merge(await HoldersAsync(Board, null, cancellationToken), await configured.BoardAsync(cancellationToken));

    private async Task<List<GovernanceRecipient>> HoldersAsync(Role[] roles, string? strandId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var holders = await scope.ServiceProvider.GetRequiredService<UserDirectory>().HoldersAsync(roles, strandId, cancellationToken);
        return [.. holders.Select(h => new GovernanceRecipient(h.UserId, h.Name, h.Email))];
    }

    private static List<GovernanceRecipient> Merge(List<GovernanceRecipient> users, IReadOnlyList<GovernanceRecipient> configured) =>
        [.. users, .. configured.Where(c => users.All(u => u.UserId != c.UserId))];
}
