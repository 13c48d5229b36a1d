using System.Net;
using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;
using SeriousViolence.Tests.NinthStrand.Returns;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>
/// Taking the strand out of Strands:Enabled stops everything it publishes: its outbox is no longer drained, and the
/// Board withdraws its measures and highlights.
/// </summary>
public sealed class NinthStrandWithdrawalTests
{
    [Fact]
    public async Task With_the_strand_removed_from_configuration_its_outbox_is_not_drained_and_the_board_withdraws_its_measures_and_highlights()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using (var withNinth = await NinthStrandHost.StartAsync(db))
        {
            await NinthStrandHost.RecordSavedAsync(withNinth, NinthStrandHost.Lead, NinthStrandHost.Form(count: "12"));
            await Eventually.WaitForAsync(
                () => db.ScalarAsync<long>("SELECT count(*) FROM strand_ninth_test.outbox_messages WHERE dispatched_at IS NULL"), c => c == 0, "the strand's outbox drained");
            await Eventually.WaitForAsync(
                async () => WebUtility.HtmlDecode(await withNinth.Client.GetStringAsync("board")), b => b.Contains("Boroughs reporting", StringComparison.Ordinal), "the highlight on the Board");
        }

        // A change the strand's own code writes while no host loads it (say, a deployment half done) waits in its outbox.
        await RecordWithoutHostAsync(db, NinthStrandHost.Form(borough: NinthStrandHost.Lambeth, count: "30"));
        Assert.Equal(4L, await db.ScalarAsync<long>("SELECT count(*) FROM strand_ninth_test.outbox_messages WHERE dispatched_at IS NULL"));

        await using var host = await TestHost.StartAsync(db.ConnectionString, TestHost.StrategyStrands);

        await Eventually.WaitForAsync(
            () => db.ScalarAsync<bool>("SELECT withdrawn FROM board.strands WHERE strand_id = 'ninth-test'"), w => w, "the ninth strand withdrawn");
        // The platform's own messages flowed (the withdrawal reached the Board); the strand's did not.
        Assert.Equal(4L, await db.ScalarAsync<long>("SELECT count(*) FROM strand_ninth_test.outbox_messages WHERE dispatched_at IS NULL"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM board.measure_observations WHERE measure_code = 'ninth-test-returns' AND geography = 'E09000022'"));

        var board = WebUtility.HtmlDecode(await Eventually.WaitForAsync(
            () => host.Client.GetStringAsync("board"), b => !b.Contains("Boroughs reporting", StringComparison.Ordinal), "the highlight withdrawn from the Board"));
        Assert.DoesNotContain("Test returns", board, StringComparison.Ordinal);
        var summary = await host.Client.GetStringAsync("api/board/summary");
        Assert.DoesNotContain("ninth-test-returns", summary, StringComparison.Ordinal);
    }

    /// <summary>The strand's own command on a context of its own (no host, so no audit interceptor and no dispatcher).</summary>
    private static async Task RecordWithoutHostAsync(TestDatabase db, TestReturnForm form)
    {
        await using var context = new NinthDbContext(new DbContextOptionsBuilder<NinthDbContext>().UseNpgsql(db.ConnectionString).Options);
        var result = await new TestReturnCommands(context, new NoRefusals(), TimeProvider.System).RecordAsync(NinthStrandHost.Lead, form, null, CancellationToken.None);
        Assert.True(result.Succeeded);
    }

    /// <summary>The lead is allowed, so nothing is refused; there is no host whose audit trail could take a refusal.</summary>
    private sealed class NoRefusals : IRefusalLog
    {
        public Task RecordDeniedAsync(AccessDeniedException denied, string attempted, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The lead was refused: " + denied.Message);
    }
}
