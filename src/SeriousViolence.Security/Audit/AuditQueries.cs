using System.Text;
using SeriousViolence.Abstractions;
using SeriousViolence.Platform.Audit;
using SeriousViolence.Abstractions.Csv;

namespace SeriousViolence.Security.Audit;

/// <summary>The auditor's view of the trail: filtered, newest first, and the same rows as CSV (itself an audited export).</summary>
public sealed class AuditQueries(AuditRecords records, AuditTrail audit)
{
    public const int PageSize = 200;

    /// <summary>The trail as Platform's query service reads it; the auditor's page shows the first <see cref="PageSize"/>.</summary>
    public Task<IReadOnlyList<AuditRow>> FindAsync(Actor actor, AuditFilter filter, int limit, CancellationToken cancellationToken) =>
        records.FindAsync(actor, filter, limit, cancellationToken);

    /// <summary>The filtered trail as CSV, marked with the highest marking it contains; the export is itself audited.</summary>
    public async Task<string> CsvAsync(Actor actor, AuditFilter filter, CancellationToken cancellationToken)
    {
        var rows = await records.FindAsync(actor, filter, AuditRecords.MaxLimit, cancellationToken);
        var marking = ProtectiveMarkings.Highest(rows.Select(r => ProtectiveMarkings.TryParse(r.Marking, out var m) ? m : ProtectiveMarking.OfficialSensitive));
        var sb = new StringBuilder();
        MarkedCsv.Begin(sb, marking, "Audit trail");
        CsvText.Row(sb, "seq", "at_utc", "actor_id", "actor", "kind", "entity", "entity_id", "strand", "summary", "before", "after", "marking", "hash");
        foreach (var r in rows)
        {
            CsvText.Row(sb, r.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), r.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                r.ActorId, r.ActorName, r.Kind, r.Entity, r.EntityId, r.StrandId ?? "", r.Summary, r.Before ?? "", r.After ?? "", r.Marking, r.Hash);
        }

        MarkedCsv.End(sb, marking);
        await audit.RecordAsync(actor, new AuditEvent(AuditKinds.Export, $"exported {rows.Count} audit records as CSV", AuditRecords.Table, "", Marking: marking), cancellationToken);
        return sb.ToString();
    }
}
