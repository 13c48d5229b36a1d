namespace SeriousViolence.Platform.Messaging;

/// <summary>
/// A module that can publish its current state again (through its outbox), so that a consumer that lost messages or
/// starts from nothing (the Board) can rebuild its picture from messages alone.
/// </summary>
public interface IStateAnnouncer
{
    /// <summary>What is announced, for people: "strands", "objectives".</summary>
    string What { get; }

    /// <summary>Queues the current state of everything; returns how many items.</summary>
    Task<int> AnnounceAllAsync(CancellationToken cancellationToken);
}
