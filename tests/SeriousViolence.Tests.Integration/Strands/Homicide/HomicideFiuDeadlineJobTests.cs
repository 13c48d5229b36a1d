using System.Net;
using SeriousViolence.Strands.Homicide.Records;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.Homicide;

/// <summary>
/// The FIU deadline job, run on a clock the test moves: it warns the FIU lead before a cash seizure's 48 hours pass,
/// marks the breach once they have, and the month's share within deadline follows (pending requests in neither part).
/// </summary>
public sealed class HomicideFiuDeadlineJobTests(HomicideHostFixture fixture) : IClassFixture<HomicideHostFixture>
{
    private const string CashMeasure = "fiu-cash-seizure-48h";

    private const string AdviceMeasure = "fiu-advice-24h";

    [Fact]
    public async Task A_cash_seizure_unanswered_is_warned_of_before_48_hours_marked_breached_after_and_the_months_share_falls()
    {
        var (db, host, clock) = (fixture.Db, fixture.Host, fixture.Clock);
        // 1 December 2026, 10:00 (London is on UTC in December).
        var seizure = (await HomicideHost.SaveAsync(host, HomicideHost.ActionOwner, HomicideHost.Fiu(received: "2026-12-01T09:00"))).Saved();
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero), seizure.DeadlineAt);
        var advice = (await HomicideHost.SaveAsync(host, HomicideHost.ActionOwner, HomicideHost.Fiu(type: "advice", received: "2026-12-01T09:30", responded: "2026-12-01T09:50", by: "SCD1 FIU duty financial investigator"))).Saved();
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 9, 30, 0, TimeSpan.Zero), advice.DeadlineAt);

        Assert.Equal("Warned of 0 FIU deadlines near, marked 0 breaches, published 0 observations.", await HomicideHost.RunDeadlineJobAsync(host));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM strand_homicide.fiu_warnings"));

        // 2 December, 22:00: eleven hours left, under the twelve-hour warning. A second seizure answered in time is logged.
        clock.Now = new DateTimeOffset(2026, 12, 2, 22, 0, 0, TimeSpan.Zero);
        (await HomicideHost.SaveAsync(host, HomicideHost.ActionOwner, HomicideHost.Fiu(received: "2026-12-01T09:10", responded: "2026-12-02T08:00", by: "SCD1 FIU cash seizure team"))).Saved();
        Assert.Equal("Warned of 1 FIU deadline near, marked 0 breaches, published 0 observations.", await HomicideHost.RunDeadlineJobAsync(host));
        Assert.Equal(
            [$"warning|{FiuRequestTypes.FiuLead}|{seizure.Reference} (Cash seizure (48 hours)) must be answered by 3 Dec 2026 09:00: 11 h 0 min left."],
            await db.ColumnAsync("SELECT kind || '|' || addressed_to || '|' || text FROM strand_homicide.fiu_warnings"));
        // The unanswered seizure is still in time, so it is in neither part of the share; the answered one is.
        Assert.Equal(["2026-12-01|100|1|1|1"], await Eventually.WaitForAsync(() => HomicideHost.ObservationsAsync(db, CashMeasure, "london"), r => r.Count == 1, "December's cash-seizure share"));
        Assert.Equal(["2026-12-01|100|1|1|1"], await Eventually.WaitForAsync(() => HomicideHost.ObservationsAsync(db, AdviceMeasure, "london"), r => r.Count == 1, "December's advice share"));
        // The strand's leads hear of it now (the directory's, and the host's operator, who holds every lead role), in the
        // app and by e-mail, with the link to the FIU page.
        Assert.Equal(
            [$"homicide-lead|FIU deadline near: {seizure.Reference}|/strands/homicide/fiu"],
            await Eventually.WaitForAsync(
                () => db.ColumnAsync("SELECT recipient_id || '|' || subject || '|' || coalesce(link, '') FROM governance.notifications WHERE subject LIKE 'FIU deadline%' AND recipient_id = 'homicide-lead'"),
                r => r.Count == 1, "the lead's notification of the warning"));
        var mail = await Eventually.WaitForAsync(
            () => db.ColumnAsync("SELECT recipient_email || '|' || subject || '|' || body FROM governance.email_outbox WHERE subject LIKE 'FIU deadline%' AND recipient_email = 'dcs.homicide@example.police.uk'"),
            r => r.Count == 1, "the warning e-mail in the outbox");
        Assert.StartsWith($"dcs.homicide@example.police.uk|FIU deadline near: {seizure.Reference}|{seizure.Reference} (Cash seizure (48 hours)) must be answered by 3 Dec 2026 09:00", mail[0], StringComparison.Ordinal);
        Assert.EndsWith("/strands/homicide/fiu", mail[0], StringComparison.Ordinal);

        // Run again: the warning is given once, and nobody is told twice.
        Assert.StartsWith("Warned of 0", await HomicideHost.RunDeadlineJobAsync(host), StringComparison.Ordinal);

        // 3 December, 09:30: the 48 hours have passed without a response.
        clock.Now = new DateTimeOffset(2026, 12, 3, 9, 30, 0, TimeSpan.Zero);
        Assert.Equal("Warned of 0 FIU deadlines near, marked 1 breach, published 1 observation.", await HomicideHost.RunDeadlineJobAsync(host));
        Assert.Equal(["breach|2026-12-03 09:30:00+00"], await db.ColumnAsync(
            "SELECT w.kind || '|' || to_char(r.breach_found_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00' FROM strand_homicide.fiu_warnings w JOIN strand_homicide.fiu_requests r ON r.id = w.request_id WHERE w.kind = 'breach'"));
        Assert.Equal(["2026-12-01|50|1|2|2"], await Eventually.WaitForAsync(
            () => HomicideHost.ObservationsAsync(db, CashMeasure, "london"), r => r.SequenceEqual(["2026-12-01|50|1|2|2"]), "December's cash-seizure share with the breach"));
        Assert.Equal(["1|100"], await db.ColumnAsync($"SELECT revision || '|' || trim_scale(value) FROM performance.observation_revisions WHERE measure_code = '{CashMeasure}'"));
        Assert.Equal(
            [$"FIU deadline breached: {seizure.Reference}", $"FIU deadline near: {seizure.Reference}"],
            await Eventually.WaitForAsync(
                () => db.ColumnAsync("SELECT subject FROM governance.email_outbox WHERE subject LIKE 'FIU deadline%' AND recipient_email = 'dcs.homicide@example.police.uk' ORDER BY subject"),
                r => r.Count == 2, "the breach e-mail beside the warning's"));

        // The Board's card shows the breach, and its draft agenda carries it as an item of the strand.
        var card = await Eventually.WaitForAsync(
            async () => WebUtility.HtmlDecode(await host.Client.GetStringAsync("board/strands/homicide")),
            c => c.Contains("FIU response deadlines", StringComparison.Ordinal) && c.Contains("Breached (December 2026)", StringComparison.Ordinal),
            "the FIU highlight on the Homicide card");
        Assert.Contains("strands/homicide/fiu", card, StringComparison.Ordinal);
        var agenda = await host.Client.GetStringAsync("board/agenda.csv");
        Assert.Contains("1 FIU deadline breached (1 cash seizure, 0 advice to SIO/IO/MIT) in December 2026; 1 still unanswered", agenda, StringComparison.Ordinal);
        // The job acts as the platform, audited under its name.
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM platform.audit_records WHERE entity = 'strand_homicide.fiu_warnings' AND actor_id = 'system'") == 2);
    }
}
