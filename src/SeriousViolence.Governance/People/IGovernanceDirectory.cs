namespace SeriousViolence.Governance.People;

/// <summary>Someone the cycle writes to: an in-app recipient (by user id) and, where known, an e-mail address.</summary>
public sealed record GovernanceRecipient(string UserId, string Name, string? Email);

/// <summary>
/// Who leads each strand and who sits on the Board: the one question the cycle asks about people. Backed by
/// configuration until users exist (<see cref="ConfiguredGovernanceDirectory"/>); sign-in will provide another.
/// </summary>
public interface IGovernanceDirectory
{
    Task<IReadOnlyList<GovernanceRecipient>> StrandLeadsAsync(string strandId, CancellationToken cancellationToken);

    Task<IReadOnlyList<GovernanceRecipient>> BoardAsync(CancellationToken cancellationToken);
}
