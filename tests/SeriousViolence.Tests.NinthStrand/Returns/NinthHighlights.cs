using System.Globalization;
using SeriousViolence.Abstractions;
using SeriousViolence.Contracts;

namespace SeriousViolence.Tests.NinthStrand.Returns;

/// <summary>The strand's highlight on its Board card, computed from its own returns.</summary>
public static class NinthHighlights
{
    public const string Key = "test-returns";

    public static StrandHighlightsPublished From(IReadOnlyCollection<TestReturn> returns, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var latest = returns.Count == 0 ? (DateOnly?)null : returns.Max(r => r.Month);
        var inLatest = returns.Where(r => r.Month == latest).ToList();
        return new StrandHighlightsPublished
        {
            StrandId = NinthStrand.Strand.Id,
            // Every change raises exactly one return's version by one, so the sum rises with each publication.
            Revision = returns.Sum(r => r.Version),
            OccurredAt = now,
            Highlights =
            [
                new StrandHighlight
                {
                    Key = Key,
                    Title = "Test returns",
                    Figures =
                    [
                        new HighlightFigure { Label = "Returns recorded", Value = returns.Count.ToString(CultureInfo.InvariantCulture) },
                        new HighlightFigure { Label = "Latest month", Value = latest is { } m ? TestReturnCommands.MonthText(m) : "none" },
                        new HighlightFigure { Label = "Boroughs reporting", Value = $"{inLatest.Count} of {Geographies.Boroughs.Count}" },
                        new HighlightFigure { Label = "London total", Value = inLatest.Sum(r => r.Count).ToString("N0", CultureInfo.InvariantCulture) },
                    ],
                    // Good once every borough has made the latest month's return.
                    Status = inLatest.Count == Geographies.Boroughs.Count ? "good" : inLatest.Count == 0 ? "neutral" : "concern",
                    Link = NinthStrand.ReturnsPath,
                    Marking = ProtectiveMarkings.Highest(returns.Select(r => r.Marking)).Label(),
                },
            ],
        };
    }
}
