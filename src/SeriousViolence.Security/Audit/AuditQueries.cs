using System.Text;
using Npgsql;
using SeriousViolence.Abstractions;
using SeriousViolence.Platform.Audit;
using SeriousViolence.Platform.Csv;

namespace SeriousViolence.Security.Audit;

public sealed class AuditFilter
{
    public string? Actor { get; set; }

    public string? Kind { get; set; }

    public string? Strand { get; set; }

    public string? Text { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }
}

public sealed record AuditRow(long Seq, DateTimeOffset At, string ActorId, string ActorName, string Kind, string Entity, string EntityId, string? StrandId, string Summary, string? Before, string? After, string Marking, string Hash);

/// <summary>The auditor's view of the trail: filtered, newest first, and the same rows as CSV (itself an audited export).</summary>
public sealed class AuditQueries(NpgsqlDataSource dataSource, AuditTrail audit)
{
    public const int PageSize = 200;

    public async Task<IReadOnlyList<AuditRow>> FindAsync(Actor actor, AuditFilter filter, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        AccessPolicy.Ensure(actor, Capability.ViewAudit);
        var where = new List<string>();
        await using var command = dataSource.CreateCommand();
        void Add(string clause, object value)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
            where.Add(clause.Replace("@", "$" + command.Parameters.Count, StringComparison.Ordinal));
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            Add("(actor_name ILIKE '%' || @ || '%' OR actor_id = " + "@" + ")", filter.Actor.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            Add("kind = @", filter.Kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.Strand))
        {
            Add("strand_id = @", filter.Strand);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            Add("(summary ILIKE '%' || @ || '%' OR entity_id = " + "@" + ")", filter.Text.Trim());
        }

        if (filter.From is { } from)
        {
            Add("at >= @", new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        }

        if (filter.To is { } to)
        {
            Add("at < @", new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        }

        command.CommandText =
            "SELECT seq, at, actor_id, actor_name, kind, entity, entity_id, strand_id, summary, before::text, after::text, marking, hash FROM platform.audit_records" +
            (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") + $" ORDER BY seq DESC LIMIT {Math.Clamp(limit, 1, 100_000)}";
        var rows = new List<AuditRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new AuditRow(
                reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.GetString(11), reader.GetString(12)));
        }

        return rows;
    }

    /// <summary>The filtered trail as CSV, marked with the highest marking it contains; the export is itself audited.</summary>
    public async Task<string> CsvAsync(Actor actor, AuditFilter filter, CancellationToken cancellationToken)
    {
        var rows = await FindAsync(actor, filter, 100_000, cancellationToken);
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
        await audit.RecordAsync(actor, new AuditEvent(AuditKinds.Export, $"exported {rows.Count} audit records as CSV", "platform.audit_records", "", Marking: marking), cancellationToken);
        return sb.ToString();
    }
}
