using Microsoft.EntityFrameworkCore;

namespace SeriousViolence.Plugins;

/// <summary>
/// Makes a consumer idempotent: the first call for a message id records it in the context's schema
/// (<c>processed_messages</c>) and returns true; a redelivery returns false. Call it inside the same transaction as the
/// consumer's writes so the record and the effect commit together.
/// </summary>
public static class Inbox
{
    public static async Task<bool> TryRecordAsync(DbContext db, Guid messageId, string consumer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var schema = db.Model.GetDefaultSchema() ?? throw new InvalidOperationException($"{db.GetType().Name} has no default schema.");
        // The schema comes from the model, never from input.
        var sql = "INSERT INTO \"" + schema + "\".processed_messages (message_id, consumer, processed_at) VALUES ({0}, {1}, {2}) ON CONFLICT DO NOTHING";
        var inserted = await db.Database.ExecuteSqlRawAsync(sql, [messageId, consumer, now], cancellationToken);
        return inserted == 1;
    }
}
