using Npgsql;
using SeriousViolence.Abstractions;

namespace SeriousViolence.Platform.Audit;

/// <summary>What the auditor filters the trail by; every part optional (the audit page's form and <c>/audit.csv</c>'s query).</summary>
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

/// <summary>
/// Reads the audit trail (the only reader of <c>platform.audit_records</c> besides the chain's verifier): filtered,
/// newest first, at most <c>limit</c> records. Auditors only.
/// </summary>
public sealed class AuditRecords(NpgsqlDataSource dataSource)
{
    /// <summary>The trail's table, as the entity an export of it names.</summary>
    public const string Table = "platform.audit_records";

    /// <summary>The most records one read returns (a CSV export asks for all of them up to this).</summary>
    public const int MaxLimit = 100_000;

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
            (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") + $" ORDER BY seq DESC LIMIT {Math.Clamp(limit, 1, MaxLimit)}";
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
}
