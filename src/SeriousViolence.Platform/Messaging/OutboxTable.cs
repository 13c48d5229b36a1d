namespace SeriousViolence.Platform.Messaging;

/// <summary>A schema that holds an outbox table the dispatcher must drain.</summary>
public sealed record OutboxTable(string Schema);
