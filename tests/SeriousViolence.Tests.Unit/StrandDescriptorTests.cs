using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using SeriousViolence.Abstractions;
using SeriousViolence.Platform.Strands;
using Xunit;

namespace SeriousViolence.Tests.Unit;

public sealed partial class StrandDescriptorTests
{
    private static readonly StrandDescriptor[] Strands = [.. StrandCatalog.FromConfiguration(new ConfigurationBuilder()
        .AddInMemoryCollection([new KeyValuePair<string, string?>("Strands:Enabled", string.Join(',',
            "SeriousViolence.Strands.Jigsaw", "SeriousViolence.Strands.Sapphire", "SeriousViolence.Strands.DomesticViolenceHateCrime",
            "SeriousViolence.Strands.SeriousYouthViolence", "SeriousViolence.Strands.GangsCriminalNetworks", "SeriousViolence.Strands.Homicide",
            "SeriousViolence.Strands.GrievousBodilyHarm", "SeriousViolence.Strands.ChildAbuse"))])
        .Build()).Descriptors];

    [Fact]
    public void Every_strand_has_a_number_a_name_an_operation_a_lead_an_aim_and_success_measures()
    {
        Assert.Equal(8, Strands.Length);
        Assert.All(Strands, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Name));
            Assert.False(string.IsNullOrWhiteSpace(s.Operation));
            Assert.StartsWith("Detective Chief Superintendent", s.LeadRole, StringComparison.Ordinal);
            Assert.NotEmpty(s.Aim);
            Assert.NotEmpty(s.SuccessMeasures);
            Assert.Equal("/strands/" + s.Id, s.PagePath);
        });
    }

    /// <summary>
    /// Where the strategy's table breaks across a page, one item is printed in two pieces (and the second may repeat
    /// the end of the first). The descriptor joins them; each piece must still be in the document as written.
    /// </summary>
    private static readonly Dictionary<string, string[]> PageBreakJoins = new(StringComparer.Ordinal)
    {
        ["To achieve a detection rate of 85% homicide investigation"] = ["To achieve a detection rate of 85% homicide\t", "investigation"],
        ["To improve the efficiency and effectiveness of investigations conducted by SCD."] =
            ["To improve the efficiency and effectiveness of investigations conducted by SCD\t", "conducted by SCD."],
    };

    /// <summary>
    /// The aim and success measures are the strategy's words: after removing the table's tags and bullets and
    /// collapsing white space, every item occurs in seeds/003 exactly as the descriptor has it.
    /// </summary>
    [SharedDataFact]
    public void Aims_and_success_measures_are_verbatim_from_the_strategy()
    {
        var path = Directory.GetFiles(Path.Combine(SharedData.Root!, "seeds"), "003_*.txt").Single();
        var raw = File.ReadAllText(path);
        var text = Normalise(Tags().Replace(raw, " ").Replace("•", " ", StringComparison.Ordinal));

        var missing = Strands
            .SelectMany(s => s.Aim.Concat(s.SuccessMeasures).Select(item => (s.Id, Item: Normalise(item))))
            .Where(x => PageBreakJoins.TryGetValue(x.Item, out var pieces)
                ? !pieces.All(p => raw.Contains(p, StringComparison.Ordinal))
                : !text.Contains(x.Item, StringComparison.Ordinal))
            .ToList();

        Assert.True(missing.Count == 0, "Not found verbatim in seeds/003: " + string.Join(" | ", missing.Select(m => $"{m.Id}: {m.Item}")));
    }

    private static string Normalise(string s) => Spaces().Replace(s, " ").Trim();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
