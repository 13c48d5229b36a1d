using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SeriousViolence.Abstractions;
using SeriousViolence.Governance.Snapshots;

namespace SeriousViolence.Governance.Packs;

/// <summary>A pack ready to download.</summary>
public sealed record PackFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Issues each quarter's Board pack from its record (once; the stored pack never changes) and hands it out. Every
/// download goes through <see cref="DownloadAsync"/>, the one place where the export audit will be recorded.
/// </summary>
public sealed class BoardPacks(GovernanceDbContext db, QuarterSnapshots snapshots, ChromiumPdfPrinter printer, IOptions<PackSettings> options, TimeProvider clock)
{
    /// <summary>Renders and stores the pack of a quarter's record, unless one was issued already. Returns whether it issued one.</summary>
    public async Task<bool> IssueAsync(Actor actor, string quarter, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.RunJobs);
        if (await IssuedAsync(quarter, cancellationToken))
        {
            return false;
        }

        var record = await snapshots.GetAsync(actor, quarter, cancellationToken)
            ?? throw new InvalidOperationException($"{quarter} has no quarter record yet: its pack is issued after the lock.");
        var marking = options.Value.Marking;
        var html = BoardPackHtml.Render(record.Picture, record.SnapshotId, marking);
        var pdf = await printer.PrintAsync(html, cancellationToken);
        // Two instances may issue at once: the first insert wins and the pack, once stored, is never replaced.
        var inserted = await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO governance.board_packs (snapshot_id, quarter, marking, html, pdf, generated_at) VALUES ({0}, {1}, {2}, {3}, {4}, {5}) ON CONFLICT DO NOTHING",
            [record.SnapshotId, quarter, marking.Label(), html, pdf, clock.GetUtcNow()],
            cancellationToken);
        return inserted == 1;
    }

    /// <summary>The issued pack as PDF or HTML, or null before the quarter is locked and its pack issued.</summary>
    public async Task<PackFile?> DownloadAsync(Actor actor, FinancialQuarter quarter, string format, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.ViewBoard);
        AccessPolicy.Ensure(actor, Capability.Export);
        // Audit: every pack download passes here; record (actor, quarter, format) in the audit trail when it exists.
        var key = quarter.ToString();
        var rows = await db.Database.SqlQueryRaw<PackRow>(
            """SELECT html AS "Html", pdf AS "Pdf" FROM governance.board_packs WHERE quarter = {0}""", key).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var name = "board-pack-" + Cycle.QuarterQueries.IdOf(quarter);
        return format switch
        {
            "pdf" => new PackFile(rows[0].Pdf, "application/pdf", name + ".pdf"),
            "html" => new PackFile(Encoding.UTF8.GetBytes(rows[0].Html), "text/html; charset=utf-8", name + ".html"),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "A pack is downloaded as pdf or html."),
        };
    }

    public Task<List<string>> QuartersWithoutPackAsync(CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<string>(
            """SELECT s.quarter AS "Value" FROM governance.quarter_snapshots s LEFT JOIN governance.board_packs p ON p.snapshot_id = s.id WHERE p.snapshot_id IS NULL ORDER BY s.taken_at""")
            .ToListAsync(cancellationToken);

    private async Task<bool> IssuedAsync(string quarter, CancellationToken cancellationToken) =>
        (await db.Database.SqlQueryRaw<int>("""SELECT 1 AS "Value" FROM governance.board_packs WHERE quarter = {0}""", quarter).ToListAsync(cancellationToken)).Count > 0;

    private sealed record PackRow(string Html, byte[] Pdf);
}
