using System.Text;
using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;
using SeriousViolence.Abstractions.Csv;

namespace SeriousViolence.Strands.Homicide.Records;

/// <summary>The registers as the strand's pages, API and CSV exports read them.</summary>
public sealed class HomicideQueries(HomicideDbContext db)
{
    public async Task<IReadOnlyList<Investigation>> InvestigationsAsync(CancellationToken cancellationToken) =>
        await db.Investigations.AsNoTracking().OrderByDescending(i => i.OpenedOn).ThenBy(i => i.OperationName).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<FiuRequest>> FiuRequestsAsync(CancellationToken cancellationToken) =>
        await db.FiuRequests.AsNoTracking().OrderByDescending(r => r.ReceivedAt).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<FiuWarning>> FiuWarningsAsync(CancellationToken cancellationToken) =>
        await db.FiuWarnings.AsNoTracking().OrderByDescending(w => w.RaisedAt).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<PartnershipProject>> ProjectsAsync(CancellationToken cancellationToken) =>
        await db.Projects.AsNoTracking().OrderByDescending(p => p.StartedOn).ThenBy(p => p.Name).ToListAsync(cancellationToken);

    /// <summary>The investigations register as CSV, marked top and bottom with the highest marking in it.</summary>
    public static string InvestigationsCsv(IReadOnlyCollection<Investigation> rows, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var marking = ProtectiveMarkings.Highest(rows.Select(r => r.Marking));
        var sb = new StringBuilder();
        MarkedCsv.Begin(sb, marking, "Homicide investigations register", now);
        CsvText.Row(sb, "operation_name", "opened_on", "borough_code", "borough", "status", "detected_on", "charged_on", "outcome", "debriefed_on", "marking", "version", "updated_by");
        foreach (var i in rows)
        {
            CsvText.Row(sb, i.OperationName, HomicideFieldText.DateText(i.OpenedOn), i.Borough, Geographies.Boroughs.GetValueOrDefault(i.Borough, i.Borough), i.Status,
                HomicideFieldText.DateText(i.DetectedOn), HomicideFieldText.DateText(i.ChargedOn), i.Outcome ?? "", HomicideFieldText.DateText(i.DebriefedOn), i.Marking.Label(),
                i.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), i.UpdatedBy);
        }

        MarkedCsv.End(sb, marking);
        return sb.ToString();
    }

    public static string FiuCsv(IReadOnlyCollection<FiuRequest> rows, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var marking = ProtectiveMarkings.Highest(rows.Select(r => r.Marking));
        var sb = new StringBuilder();
        MarkedCsv.Begin(sb, marking, "SCD1 FIU request log (times UTC)", now);
        CsvText.Row(sb, "reference", "request_type", "received_at", "deadline_at", "responded_at", "responded_by", "within_deadline", "marking", "version");
        foreach (var r in rows)
        {
            CsvText.Row(sb, r.Reference, r.RequestType, r.ReceivedAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                r.DeadlineAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                r.RespondedAt?.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "", r.RespondedBy ?? "",
                r.RespondedAt is null ? (r.Breached(now) ? "no" : "pending") : r.Met ? "yes" : "no", r.Marking.Label(), r.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        MarkedCsv.End(sb, marking);
        return sb.ToString();
    }

    public static string ProjectsCsv(IReadOnlyCollection<PartnershipProject> rows, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var marking = ProtectiveMarkings.Highest(rows.Select(r => r.Marking));
        var sb = new StringBuilder();
        MarkedCsv.Begin(sb, marking, "Homicide partnership projects", now);
        CsvText.Row(sb, "name", "partners", "objective", "started_on", "status", "evidence", "marking", "version");
        foreach (var p in rows)
        {
            CsvText.Row(sb, p.Name, string.Join("; ", p.Partners), p.Objective, HomicideFieldText.DateText(p.StartedOn), p.Status, p.Evidence, p.Marking.Label(),
                p.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        MarkedCsv.End(sb, marking);
        return sb.ToString();
    }
}
