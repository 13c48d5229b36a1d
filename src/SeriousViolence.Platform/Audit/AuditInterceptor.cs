using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;

namespace SeriousViolence.Platform.Audit;

/// <summary>
/// Writes an audit record (who, when, what, the changed fields before and after) for every entity a save adds,
/// changes or deletes, in the same transaction as the change itself: a change without its record cannot commit.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is not IAuditedContext audited)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var changes = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is not AuditRecord and not OutboxMessage && e.Metadata.ClrType.GetCustomAttribute<NotAuditedAttribute>() is null)
            .ToList();
        if (changes.Count == 0)
        {
            return;
        }

        var actor = audited.ActingAs
            ?? throw new InvalidOperationException($"{context.GetType().Name} is saving changes to {changes[0].Metadata.GetTableName()} with no actor: every change must be attributable (set ActingAs).");
        var now = clock.GetUtcNow();
        foreach (var entry in changes)
        {
            context.Set<AuditRecord>().Add(Describe(entry, actor, now));
        }
    }

    private static AuditRecord Describe(EntityEntry entry, Actor actor, DateTimeOffset now)
    {
        var properties = entry.Properties.Where(p => !AuditRedaction.IsSecret(p.Metadata.Name)).ToList();
        var changed = entry.State switch
        {
            EntityState.Modified => properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList(),
            _ => properties,
        };
        var before = entry.State is EntityState.Added ? null : changed.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue);
        var after = entry.State is EntityState.Deleted ? null : changed.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue);
        var key = string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
        var strand = entry.Metadata.FindProperty("StrandId") is not null ? entry.Property("StrandId").CurrentValue as string : null;
        var marking = entry.Metadata.FindProperty("Marking") is not null && entry.Property("Marking").CurrentValue is ProtectiveMarking m ? m : ProtectiveMarking.Official;
        var table = entry.Metadata.GetSchema() is { } schema ? $"{schema}.{entry.Metadata.GetTableName()}" : entry.Metadata.GetTableName() ?? entry.Metadata.ClrType.Name;
        return new AuditRecord
        {
            Id = Guid.CreateVersion7(now),
            At = now,
            ActorId = actor.Id,
            ActorName = actor.DisplayName,
            Kind = AuditKinds.Change,
            Entity = table,
            EntityId = key,
            StrandId = strand,
            Summary = entry.State switch { EntityState.Added => "created", EntityState.Deleted => "deleted", _ => "changed " + string.Join(", ", changed.Select(p => p.Metadata.Name)) },
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
            Marking = marking.Label(),
        };
    }
}

/// <summary>Fields never copied into the audit trail, whatever entity carries them.</summary>
public static class AuditRedaction
{
    private static readonly HashSet<string> Secrets = new(StringComparer.OrdinalIgnoreCase) { "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Hash", "TokenHash" };

    public static bool IsSecret(string propertyName) => Secrets.Contains(propertyName);
}
