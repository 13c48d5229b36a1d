using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SeriousViolence.Abstractions;
using SeriousViolence.Plans;
using SeriousViolence.Plans.Features;
using SeriousViolence.Platform.Audit;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>The audit trail: every change with who, when, before and after; append-only; a hash chain that shows tampering.</summary>
public sealed class AuditTrailTests : HostedTest
{
    private static readonly Actor SapphireLead = Actor.ForStrands("sapphire-lead", "DCS Sapphire", "sapphire");

    private async Task ChangeAnObjectiveAsync(int percent)
    {
        await WithAsync(async sp =>
        {
            var o = await sp.GetRequiredService<PlansDbContext>().Objectives.AsNoTracking().SingleAsync(x => x.SeedKey == "sapphire-006");
            var form = ObjectiveForm.From(o);
            form.PercentComplete = percent;
            form.Status = ObjectiveStatus.OnTrack;
            return await sp.GetRequiredService<ObjectiveCommands>().UpdateAsync(SapphireLead, o.Id, o.Revision, form, CancellationToken.None);
        });
    }

    private Task<AuditVerification> VerifyAsync() => Host.Services.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None);

    [Fact]
    public async Task A_change_is_recorded_with_who_when_and_the_fields_before_and_after_in_the_same_transaction()
    {
        await ChangeAnObjectiveAsync(35);

        var row = await Db.ScalarAsync<string>(
            "SELECT actor_id || '|' || actor_name || '|' || kind || '|' || entity || '|' || strand_id || '|' || (before->>'PercentComplete') || '|' || (after->>'PercentComplete') " +
            "FROM platform.audit_records WHERE entity = 'plans.objectives' AND actor_id = 'sapphire-lead' ORDER BY seq DESC LIMIT 1");
        Assert.Equal("sapphire-lead|DCS Sapphire|change|plans.objectives|sapphire|0|35", row);
        // Seeding is attributed to the platform: nothing is written without an actor.
        Assert.True(await Db.ScalarAsync<long>("SELECT count(*) FROM platform.audit_records WHERE actor_id = 'system' AND entity = 'plans.objectives'") >= 163);
    }

    [Fact]
    public async Task A_save_without_an_actor_is_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => WithAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlansDbContext>();
            var o = await db.Objectives.FirstAsync();
            o.PercentComplete = 99;
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("every change must be attributable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Records_cannot_be_updated_or_deleted_through_the_database()
    {
        await using var connection = new NpgsqlConnection(Db.ConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE platform.audit_records SET summary = 'nothing happened' WHERE seq = 1", connection);
        var updateError = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        Assert.Contains("append-only", updateError.MessageText, StringComparison.Ordinal);
        await using var delete = new NpgsqlCommand("DELETE FROM platform.audit_records WHERE seq = 1", connection);
        await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task The_verifier_passes_an_intact_chain_and_names_the_first_edited_record()
    {
        await ChangeAnObjectiveAsync(20);
        await ChangeAnObjectiveAsync(30);
        var intact = await VerifyAsync();
        Assert.True(intact.Intact, intact.Problem);
        Assert.Equal(await Db.ScalarAsync<long>("SELECT count(*) FROM platform.audit_records"), intact.Records);

        // Someone with the table owner's rights switches the guard off and rewrites history.
        var target = await Db.ScalarAsync<long>("SELECT seq FROM platform.audit_records WHERE actor_id = 'sapphire-lead' ORDER BY seq LIMIT 1");
        await ExecuteAsync($"ALTER TABLE platform.audit_records DISABLE TRIGGER audit_records_no_update; UPDATE platform.audit_records SET actor_name = 'Somebody else' WHERE seq = {target}; ALTER TABLE platform.audit_records ENABLE TRIGGER audit_records_no_update;");

        var broken = await VerifyAsync();
        Assert.False(broken.Intact);
        Assert.Equal(target, broken.FirstBrokenSeq);
        Assert.Contains("changed after it was written", broken.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_verifier_notices_a_deleted_record()
    {
        await ChangeAnObjectiveAsync(20);
        var target = await Db.ScalarAsync<long>("SELECT seq FROM platform.audit_records WHERE actor_id = 'sapphire-lead' ORDER BY seq LIMIT 1");
        await ExecuteAsync($"ALTER TABLE platform.audit_records DISABLE TRIGGER audit_records_no_update; DELETE FROM platform.audit_records WHERE seq = {target}; ALTER TABLE platform.audit_records ENABLE TRIGGER audit_records_no_update;");

        var broken = await VerifyAsync();
        Assert.False(broken.Intact);
        Assert.Equal(target + 1, broken.FirstBrokenSeq);
        Assert.Contains($"record {target} is missing", broken.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_writers_still_make_one_unbroken_chain()
    {
        var trail = Host.Services.GetRequiredService<AuditTrail>();
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            trail.RecordAsync(SapphireLead, new AuditEvent(AuditKinds.Export, $"export {i}"), CancellationToken.None)));
        var result = await VerifyAsync();
        Assert.True(result.Intact, result.Problem);
        Assert.Equal(40, await Db.ScalarAsync<long>("SELECT count(*) FROM platform.audit_records WHERE kind = 'export'"));
    }

    [Fact]
    public async Task The_auditor_downloads_the_filtered_trail_as_marked_csv_and_the_download_is_itself_recorded()
    {
        await ChangeAnObjectiveAsync(45);
        var auditor = await Host.CreateUserAsync("auditor@test.invalid", "Internal auditor", new RoleGrant(Role.Auditor));
        using var session = CookieSession.Open(Host);
        await session.SignInAsync(auditor.Email, auditor.Password);

        var csv = await session.Client.GetStringAsync("audit.csv?kind=change&actor=DCS%20Sapphire");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("OFFICIAL", lines[0]);
        Assert.StartsWith("Audit trail; exported ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("seq,at_utc,actor_id,actor,kind,entity", lines[2], StringComparison.Ordinal);
        // The edit and the history revision it wrote, both attributed to the lead.
        var records = lines[3..^1];
        Assert.Equal(2, records.Length);
        Assert.Contains(records, r => r.Contains(",sapphire-lead,DCS Sapphire,change,plans.objectives,", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Contains(",sapphire-lead,DCS Sapphire,change,plans.objective_history,", StringComparison.Ordinal));
        Assert.Equal("OFFICIAL", lines[^1]);
        Assert.Equal(1, await Db.ScalarAsync<long>($"SELECT count(*) FROM platform.audit_records WHERE kind = 'export' AND actor_id = '{auditor.Id}' AND summary = 'exported 2 audit records as CSV'"));

        // Nobody else gets it, whatever they hold.
        using var operatorSession = CookieSession.Open(Host);
        await operatorSession.SignInAsync(Host.Operator.Email, Host.Operator.Password);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await operatorSession.Client.GetAsync("audit.csv")).StatusCode);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
