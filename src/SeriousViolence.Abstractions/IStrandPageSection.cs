namespace SeriousViolence.Abstractions;

/// <summary>
/// A section on strand pages: a core module adds one to every strand's page (e.g. the action plan from Plans), a
/// strand plugin to its own page only (<see cref="StrandId"/>). The strand's page renders the registered sections
/// without referencing the modules that provide them. The component receives a <c>StrandId</c> parameter.
/// </summary>
public interface IStrandPageSection
{
    int Order { get; }

    Type ComponentType { get; }

    /// <summary>The one strand whose page shows the section, or null for every strand's page.</summary>
    string? StrandId => null;
}

/// <summary>A link a strand plugin adds under its strand in the navigation (e.g. "Disruptions").</summary>
/// <param name="StrandId">The strand it sits under.</param>
/// <param name="Title">The link's text.</param>
/// <param name="Href">A path inside the strand's own pages, e.g. "/strands/{strandId}/disruptions".</param>
public sealed record StrandNavigationEntry(string StrandId, string Title, string Href);
