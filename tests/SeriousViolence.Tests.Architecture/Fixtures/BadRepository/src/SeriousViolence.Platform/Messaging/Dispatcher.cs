namespace SeriousViolence.Platform.Messaging;

internal static class Dispatcher
{
    // Any module's outbox, named by the table it was given: allowed.
    public static string Pending(string schema, string table) => $"SELECT id FROM {schema}.{table} WHERE published_at IS NULL";

    public static string Mine() => "SELECT id FROM platform.outbox_messages";

    // A literal of another module's schema: not allowed, even in Platform.
    public static string Plans() => "DELETE FROM plans.outbox_messages";

    public static MigrationSource For(Strand strand) => new MigrationSource(strand.Schema, strand.Assembly);
}
