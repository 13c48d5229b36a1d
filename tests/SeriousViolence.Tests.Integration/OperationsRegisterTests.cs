using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Plans;
using SeriousViolence.Plans.Features;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>The operations register is seeded and editable, by those who may act across strands, without lost updates.</summary>
public sealed class OperationsRegisterTests
{
    private static readonly string[] Strands = ["jigsaw", "sapphire", "dv-hate-crime", "serious-youth-violence", "gangs-criminal-networks", "homicide", "gbh", "child-abuse"];
    private static readonly Actor BoardChair = Actor.WithRoles("chair", "Commander Violent Crime", new RoleGrant(Role.BoardChair));

    [Fact]
    public async Task An_operation_is_edited_once_and_a_stale_or_invalid_or_unauthorised_edit_is_refused()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        await using var scope = host.Services.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetRequiredService<OperationCommands>();
        var venice = await scope.ServiceProvider.GetRequiredService<PlansDbContext>().Operations.AsNoTracking().SingleAsync(o => o.Code == "venice");

        var form = OperationForm.From(venice);
        form.Strands = ["gangs-criminal-networks", "serious-youth-violence"];
        form.Boroughs = "Southwark, Lambeth";
        var saved = await commands.UpdateAsync(BoardChair, "venice", venice.Revision, form, Strands, CancellationToken.None);
        var stale = await commands.UpdateAsync(BoardChair, "venice", venice.Revision, OperationForm.From(venice), Strands, CancellationToken.None);
        var invalid = await commands.UpdateAsync(BoardChair, "venice", venice.Revision + 1, new OperationForm { Name = "", Description = "", Strands = ["knitting"] }, Strands, CancellationToken.None);
        // A lead of a strand the operation does not serve may not touch it; a lead of one it serves may not add or
        // remove another strand.
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            commands.UpdateAsync(Actor.ForStrands("homicide-lead", "DCS Homicide", "homicide"), "venice", venice.Revision + 1, form, Strands, CancellationToken.None));
        var widened = OperationForm.From(venice);
        widened.Strands = ["gangs-criminal-networks", "serious-youth-violence", "homicide"];
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            commands.UpdateAsync(Actor.ForStrands("gangs-lead", "DCS Gangs", "gangs-criminal-networks"), "venice", venice.Revision + 1, widened, Strands, CancellationToken.None));

        Assert.True(saved.Succeeded);
        Assert.NotNull(stale.Conflict);
        Assert.Equal(["Description", "Name", "Strands"], invalid.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            "2:Southwark,Lambeth:gangs-criminal-networks,serious-youth-violence",
            await db.ScalarAsync<string>("SELECT revision || ':' || array_to_string(boroughs, ',') || ':' || array_to_string(strands, ',') FROM plans.operations WHERE code = 'venice'"));
        // The recorded result is untouched by an edit of the register's text fields.
        Assert.Contains("13,193", await db.ScalarAsync<string>("SELECT results::text FROM plans.operations WHERE code = 'venice'"), StringComparison.Ordinal);
    }
}
