namespace SeriousViolence.Abstractions;

/// <summary>
/// The contract every strand plugin implements, next to being an Autofac module (its one registration point).
/// The host composes the plugins listed in configuration (<c>Strands:Enabled</c>); nothing else is scanned.
/// </summary>
public interface IStrandModule
{
    StrandDescriptor Descriptor { get; }

    /// <summary>The strand's objectives from the strategy, which the Plans module seeds once per version.</summary>
    StrandSeed Seed { get; }
}
