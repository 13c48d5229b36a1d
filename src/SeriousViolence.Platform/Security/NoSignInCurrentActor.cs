using SeriousViolence.Abstractions;

namespace SeriousViolence.Platform.Security;

/// <summary>Until sign-in is wired in, whoever opens the UI acts as the local operator (named so that records show it).</summary>
internal sealed class NoSignInCurrentActor : ICurrentActor
{
    private static readonly Actor LocalOperator = new("local-operator", "Local operator (no sign-in)", [], isSystem: true);

    public Task<Actor> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(LocalOperator);
}
