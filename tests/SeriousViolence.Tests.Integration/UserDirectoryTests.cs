using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Governance.People;
using SeriousViolence.Security.Users;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>Governance writes to the enabled users who hold the role, as Security's directory names them.</summary>
public sealed class UserDirectoryTests : HostedTest
{
    [Fact]
    public async Task Governance_reaches_the_enabled_holders_of_the_role_and_no_one_else()
    {
        var sapphireLead = await Host.CreateUserAsync("sapphire.lead@test.invalid", "DCS Sapphire", new RoleGrant(Role.StrandLead, "sapphire"));
        var jigsawLead = await Host.CreateUserAsync("jigsaw.lead@test.invalid", "DCS Jigsaw", new RoleGrant(Role.StrandLead, "jigsaw"));
        var owner = await Host.CreateUserAsync("owner@test.invalid", "Sapphire action owner", new RoleGrant(Role.ActionOwner, "sapphire"));
        var chair = await Host.CreateUserAsync("chair@test.invalid", "Board chair", new RoleGrant(Role.BoardChair));
        var member = await Host.CreateUserAsync("member@test.invalid", "A Board member", new RoleGrant(Role.BoardMember));
        var former = await Host.CreateUserAsync("former@test.invalid", "Former member", new RoleGrant(Role.BoardMember));
        await WithAsync(async sp =>
        {
            await sp.GetRequiredService<UserAdministration>().SetDisabledAsync(Host.Operator.Actor, former.Id, true, CancellationToken.None);
            return true;
        });
        var directory = Host.Services.GetRequiredService<IGovernanceDirectory>();

        // The host's operator holds every role but auditor's and partner's, so it is among the holders too.
        var leads = (await directory.StrandLeadsAsync("sapphire", CancellationToken.None)).Where(r => r.UserId != Host.Operator.Id).ToList();
        var board = (await directory.BoardAsync(CancellationToken.None)).Where(r => r.UserId != Host.Operator.Id).ToList();

        Assert.Equal([sapphireLead.Id], leads.Select(r => r.UserId));
        Assert.Equal("sapphire.lead@test.invalid", leads[0].Email);
        Assert.Equal([member.Id, chair.Id], board.Select(r => r.UserId));
        Assert.DoesNotContain(board, r => r.UserId == former.Id || r.UserId == jigsawLead.Id || r.UserId == owner.Id);
    }
}
