using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeriousViolence.Abstractions;
using SeriousViolence.Governance.Cycle;
using SeriousViolence.Governance.Meetings;
using SeriousViolence.Governance.Scheduling;
using SeriousViolence.Governance.Snapshots;

namespace SeriousViolence.Governance.Packs;

/// <summary>
/// The pack for a monthly Board meeting: issued once, by the meeting-packs job for meetings in the coming days or on
/// demand by the Board, and kept exactly as issued. Downloads go through <see cref="DownloadAsync"/> only.
/// </summary>
public sealed class MeetingPacks(
    GovernanceDbContext db, MeetingQueries meetings, QuarterSnapshots snapshots, ChromiumPdfPrinter printer, IOptions<PackSettings> options, IOptions<CycleSettings> cycle, TimeProvider clock)
{
    /// <summary>Issues the meeting's pack unless one was issued already; returns whether it issued one.</summary>
    public async Task<bool> IssueAsync(Actor actor, Guid meetingId, CancellationToken cancellationToken)
    {
        if (!actor.IsSystem)
        {
            AccessPolicy.Ensure(actor, Capability.ManageMeetings);
        }

        if (await IssuedAsync(meetingId, cancellationToken))
        {
            return false;
        }

        var view = await meetings.GetAsync(actor, meetingId, cancellationToken) ?? throw new KeyNotFoundException($"No meeting {meetingId}.");
        var now = clock.GetUtcNow();
        // The quarterly updates shown are those of the latest quarter whose window has opened.
        var quarter = await db.Quarters.AsNoTracking().Where(q => q.State != QuarterStates.InProgress).ToListAsync(cancellationToken);
        var latest = quarter.OrderByDescending(q => FinancialQuarter.Parse(q.Quarter)).FirstOrDefault();
        var reporting = latest is null ? FinancialQuarter.Containing(now).Previous() : FinancialQuarter.Parse(latest.Quarter);
        var deadline = latest?.DeadlineAt ?? QuarterTimetable.For(reporting, cycle.Value).DeadlineAt;
        var picture = await snapshots.PictureNowAsync(reporting.ToString(), deadline, cancellationToken);
        var marking = options.Value.Marking;
        var html = BoardPackHtml.RenderMeeting(view, picture, marking, now);
        var pdf = await printer.PrintAsync(html, cancellationToken);
        var inserted = await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO governance.meeting_packs (meeting_id, marking, html, pdf, generated_at, generated_by) VALUES ({0}, {1}, {2}, {3}, {4}, {5}) ON CONFLICT DO NOTHING",
            [meetingId, marking.Label(), html, pdf, now, actor.DisplayName],
            cancellationToken);
        return inserted == 1;
    }

    /// <summary>The issued pack, or null before it is issued.</summary>
    public async Task<PackFile?> DownloadAsync(Actor actor, Guid meetingId, string format, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.ViewBoard);
        AccessPolicy.Ensure(actor, Capability.Export);
        // Audit: every meeting pack download passes here; record (actor, meeting, format) in the audit trail when it exists.
        var rows = await db.Database.SqlQueryRaw<PackRow>(
            """SELECT m.held_on AS "HeldOn", p.html AS "Html", p.pdf AS "Pdf" FROM governance.meeting_packs p JOIN governance.meetings m ON m.id = p.meeting_id WHERE p.meeting_id = {0}""",
            meetingId).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var name = $"board-pack-meeting-{rows[0].HeldOn:yyyy-MM-dd}";
        return format switch
        {
            "pdf" => new PackFile(rows[0].Pdf, "application/pdf", name + ".pdf"),
            "html" => new PackFile(System.Text.Encoding.UTF8.GetBytes(rows[0].Html), "text/html; charset=utf-8", name + ".html"),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "A pack is downloaded as pdf or html."),
        };
    }

    public async Task<bool> IssuedAsync(Guid meetingId, CancellationToken cancellationToken) =>
        (await db.Database.SqlQueryRaw<int>("""SELECT 1 AS "Value" FROM governance.meeting_packs WHERE meeting_id = {0}""", meetingId).ToListAsync(cancellationToken)).Count > 0;

    /// <summary>Meetings in the next <paramref name="days"/> days (or today) without a pack.</summary>
    public async Task<IReadOnlyList<Guid>> DueAsync(int days, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var until = today.AddDays(days);
        return await db.Database.SqlQueryRaw<Guid>(
            """SELECT m.id AS "Value" FROM governance.meetings m LEFT JOIN governance.meeting_packs p ON p.meeting_id = m.id WHERE p.meeting_id IS NULL AND m.held_on BETWEEN {0} AND {1} ORDER BY m.held_on""",
            today, until).ToListAsync(cancellationToken);
    }

    private sealed record PackRow(DateOnly HeldOn, string Html, byte[] Pdf);
}

/// <summary>Issues the packs of the meetings in the coming week that have none yet.</summary>
public sealed class MeetingPacksJob(MeetingPacks packs, GovernanceDbContext db, ILogger<MeetingPacksJob> logger) : RecordedJob(db, logger)
{
    public const string Name = "meeting-packs";

    protected override async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var due = await packs.DueAsync(7, cancellationToken);
        foreach (var meeting in due)
        {
            await packs.IssueAsync(Actor.System, meeting, cancellationToken);
        }

        return due.Count == 0 ? "No meeting in the coming week without its pack." : $"Issued the pack for {due.Count} meeting(s).";
    }
}
