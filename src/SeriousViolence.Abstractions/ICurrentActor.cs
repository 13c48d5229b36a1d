namespace SeriousViolence.Abstractions;

/// <summary>
/// The signed-in user (or API token holder) of the current circuit or request, as an <see cref="Actor"/>. The host
/// implements it from the authentication state; pages and API endpoints pass the result to every command and query.
/// </summary>
public interface ICurrentActor
{
    Task<Actor> GetAsync(CancellationToken cancellationToken = default);
}
