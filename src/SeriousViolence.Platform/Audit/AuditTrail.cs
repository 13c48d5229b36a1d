using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using SeriousViolence.Abstractions;

namespace SeriousViolence.Platform.Audit;

/// <summary>An event to audit that is not a row change: a sign-in, a refusal, an export, an import.</summary>
public sealed record AuditEvent(string Kind, string Summary, string Entity = "", string EntityId = "", string? StrandId = null, object? Before = null, object? After = null, ProtectiveMarking Marking = ProtectiveMarking.Official);

/// <summary>Appends events to the audit trail in their own transaction (the chain itself is kept by the database).</summary>
public sealed class AuditTrail(NpgsqlDataSource dataSource, TimeProvider clock) : IRefusalLog, IExportLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task RecordAsync(Actor actor, AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return RecordAsync(actor.Id, actor.DisplayName, auditEvent, cancellationToken);
    }

    public async Task RecordAsync(string actorId, string actorName, AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var now = clock.GetUtcNow();
        await using var command = dataSource.CreateCommand(
            "INSERT INTO platform.audit_records (id, at, actor_id, actor_name, kind, entity, entity_id, strand_id, summary, before, after, marking, seq, prev_hash, hash) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 0, '', '')");
        command.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7(now) });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = actorId });
        command.Parameters.Add(new NpgsqlParameter { Value = actorName });
        command.Parameters.Add(new NpgsqlParameter { Value = auditEvent.Kind });
        command.Parameters.Add(new NpgsqlParameter { Value = auditEvent.Entity });
        command.Parameters.Add(new NpgsqlParameter { Value = auditEvent.EntityId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)auditEvent.StrandId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = auditEvent.Summary });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = auditEvent.Before is null ? DBNull.Value : JsonSerializer.Serialize(auditEvent.Before, Json) });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = auditEvent.After is null ? DBNull.Value : JsonSerializer.Serialize(auditEvent.After, Json) });
        command.Parameters.Add(new NpgsqlParameter { Value = auditEvent.Marking.Label() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A download a strand made (its CSV of returns, a partner's aggregate figures).</summary>
    public Task RecordExportAsync(Actor actor, string what, string reference, string? strandId, ProtectiveMarking marking, CancellationToken cancellationToken) =>
        RecordAsync(actor, new AuditEvent(AuditKinds.Export, $"downloaded {what}", "export", reference, strandId, Marking: marking), cancellationToken);

    /// <summary>Records an attempt the access policy refused (the boundaries call this when they turn it into 403).</summary>
    public Task RecordDeniedAsync(AccessDeniedException denied, string attempted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(denied);
        if (denied.Recorded)
        {
            return Task.CompletedTask;
        }

        denied.Recorded = true;
        var actor = denied.Actor ?? Actor.Anonymous;
        return RecordAsync(actor, new AuditEvent(AuditKinds.AccessDenied, $"{attempted}: {denied.Message}", "capability", denied.CapabilityName, denied.StrandId), cancellationToken);
    }
}
