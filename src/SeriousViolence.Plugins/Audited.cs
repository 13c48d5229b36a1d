using SeriousViolence.Abstractions;

namespace SeriousViolence.Plugins;

/// <summary>A module context whose every change is audited; the command that changes it says who is acting.</summary>
public interface IAuditedContext
{
    /// <summary>Who is making the changes this context will save. A save with changes and no actor is refused.</summary>
    Actor? ActingAs { get; set; }
}

/// <summary>Marks an entity that is plumbing rather than information (outbox, inbox): its rows are not audited.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;
