namespace SeriousViolence.Abstractions;

/// <summary>
/// Names the one strand module type in a plugin assembly, so that the host can resolve a configured assembly name to
/// its module without scanning types.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class StrandModuleAttribute(Type moduleType) : Attribute
{
    public Type ModuleType { get; } = moduleType;
}
