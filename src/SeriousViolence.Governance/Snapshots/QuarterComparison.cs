namespace SeriousViolence.Governance.Snapshots;

/// <summary>One objective that moved between two quarters.</summary>
public sealed record ObjectiveChange(string StrandId, Guid ObjectiveId, string Text, string StatusBefore, string StatusAfter, string? RagBefore, string? RagAfter, int PercentBefore, int PercentAfter, bool Worse);

public sealed record MeasureChange(string MeasureCode, decimal? Before, decimal After, string? VariationBefore, string? VariationAfter);

/// <summary>What moved from one quarter record to another, and what got worse (RAG down, or status to at risk / off track).</summary>
public sealed record QuarterComparison(string From, string To, IReadOnlyList<ObjectiveChange> Objectives, IReadOnlyList<MeasureChange> Measures)
{
    public IEnumerable<ObjectiveChange> Worse => Objectives.Where(o => o.Worse);

    public static QuarterComparison Between(QuarterPicture before, QuarterPicture after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.Strands.SelectMany(s => s.Objectives.Select(o => (s.StrandId, o))).ToDictionary(x => x.o.ObjectiveId);
        var changes = new List<ObjectiveChange>();
        foreach (var strand in after.Strands)
        {
            foreach (var o in strand.Objectives)
            {
                if (!old.TryGetValue(o.ObjectiveId, out var was))
                {
                    continue;
                }

                var p = was.o;
                if (p.Status == o.Status && p.Rag == o.Rag && p.PercentComplete == o.PercentComplete)
                {
                    continue;
                }

                var worse = RagRank(o.Rag) > RagRank(p.Rag) || StatusRank(o.Status) > StatusRank(p.Status);
                changes.Add(new ObjectiveChange(strand.StrandId, o.ObjectiveId, o.Text, p.Status, o.Status, p.Rag, o.Rag, p.PercentComplete, o.PercentComplete, worse));
            }
        }

        var measuresBefore = before.Measures.ToDictionary(m => m.MeasureCode, StringComparer.Ordinal);
        var measures = after.Measures
            .Select(m => (m, was: measuresBefore.GetValueOrDefault(m.MeasureCode)))
            .Where(x => x.was is null || x.was.LatestValue != x.m.LatestValue || x.was.Variation != x.m.Variation)
            .Select(x => new MeasureChange(x.m.MeasureCode, x.was?.LatestValue, x.m.LatestValue, x.was?.Variation, x.m.Variation))
            .ToList();
        return new QuarterComparison(before.Quarter, after.Quarter, changes, measures);
    }

    // Higher is worse. An unassessed RAG ranks as Green so that a first assessment of Green is not "worse".
    private static int RagRank(string? rag) => rag switch { "Red" => 2, "Amber" => 1, _ => 0 };

    private static int StatusRank(string status) => status switch { "OffTrack" => 2, "AtRisk" => 1, _ => 0 };
}
