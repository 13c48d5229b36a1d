namespace SeriousViolence.Abstractions;

/// <summary>
/// A section a core module adds to every strand's page (e.g. the action plan from Plans). The strand's page renders
/// the registered sections without referencing the modules that provide them. The component receives a
/// <c>StrandId</c> parameter.
/// </summary>
public interface IStrandPageSection
{
    int Order { get; }

    Type ComponentType { get; }
}
