using SeriousViolence.Plugins;

namespace SeriousViolence.Strands.ChildAbuse.CaseReviews;

/// <summary>One of the strand's highlights as last published (see <see cref="StrandHighlights"/>): bookkeeping, not information.</summary>
[NotAudited]
public sealed class BoardHighlightRow
{
    public required string Key { get; set; }

    /// <summary>The highlight as JSON, compared to tell whether anything changed.</summary>
    public required string Body { get; set; }

    public DateTimeOffset PublishedAt { get; set; }
}
