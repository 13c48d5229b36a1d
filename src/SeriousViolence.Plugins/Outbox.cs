using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace SeriousViolence.Plugins;

/// <summary>
/// A message waiting to reach the bus. Written in the same transaction as the change it reports, so a committed change
/// always has its message; the platform's dispatcher publishes it and stamps <see cref="DispatchedAt"/>.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>Commit order; the dispatcher publishes in this order.</summary>
    public long Seq { get; set; }

    public required string MessageType { get; set; }

    public required string Body { get; set; }

    /// <summary>
    /// The module the message is about and on whose behalf it is published (a strand plugin's assembly name,
    /// SeriousViolence.Strands.*), or null for the core module that owns the table. The dispatcher publishes a
    /// row only while that module is loaded.
    /// </summary>
    public string? SourceModule { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DispatchedAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}

public static class Outbox
{
    public const string Table = "outbox_messages";

    /// <summary>How message bodies are written to, and read from, the outbox.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Maps the outbox table into the context's own schema.</summary>
    public static void MapOutbox(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable(Table);
            e.HasKey(m => m.Id);
            e.Property(m => m.Seq).ValueGeneratedOnAdd();
            e.Property(m => m.Body).HasColumnType("jsonb");
        });
    }

    /// <summary>
    /// Queues a message to be published when the context's transaction commits. The message id becomes the
    /// MassTransit MessageId, which consumers use to stay idempotent. <paramref name="sourceModule"/> names the strand
    /// module the message is about when a core module publishes for it (see <see cref="OutboxMessage.SourceModule"/>).
    /// </summary>
    public static Guid Enqueue<TMessage>(this DbContext db, TMessage message, DateTimeOffset now, string? sourceModule = null)
        where TMessage : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        var id = Guid.CreateVersion7(now);
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = id,
            MessageType = typeof(TMessage).FullName!,
            Body = JsonSerializer.Serialize(message, Json),
            SourceModule = sourceModule ?? (db as StrandDbContext)?.SourceModule,
            CreatedAt = now,
        });
        return id;
    }
}
