using Microsoft.Extensions.Configuration;
using SeriousViolence.Platform.Startup;
using SeriousViolence.Platform.Strands;
using Xunit;

namespace SeriousViolence.Tests.Unit;

public sealed class StrandCatalogTests
{
    private static readonly string[] Eight =
    [
        "SeriousViolence.Strands.ChildAbuse", "SeriousViolence.Strands.Jigsaw", "SeriousViolence.Strands.Sapphire",
        "SeriousViolence.Strands.DomesticViolenceHateCrime", "SeriousViolence.Strands.SeriousYouthViolence",
        "SeriousViolence.Strands.GangsCriminalNetworks", "SeriousViolence.Strands.Homicide", "SeriousViolence.Strands.GrievousBodilyHarm",
    ];

    private static StrandCatalog FromList(IEnumerable<string> names) => StrandCatalog.FromConfiguration(
        new ConfigurationBuilder().AddInMemoryCollection(names.Select((n, i) => new KeyValuePair<string, string?>($"Strands:Enabled:{i}", n))).Build());

    private static StrandCatalog FromValue(string value) => StrandCatalog.FromConfiguration(
        new ConfigurationBuilder().AddInMemoryCollection([new KeyValuePair<string, string?>("Strands:Enabled", value)]).Build());

    [Fact]
    public void The_configured_strands_resolve_to_their_modules_in_the_strategys_order()
    {
        var catalog = FromList(Eight);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], catalog.Descriptors.Select(d => d.Number));
        Assert.Equal(
            ["jigsaw", "sapphire", "dv-hate-crime", "serious-youth-violence", "gangs-criminal-networks", "homicide", "gbh", "child-abuse"],
            catalog.Descriptors.Select(d => d.Id));
        Assert.Equal(8, catalog.Assemblies.Count);
    }

    [Fact]
    public void A_comma_separated_value_replaces_the_whole_list()
    {
        var catalog = FromValue(" SeriousViolence.Strands.Homicide , SeriousViolence.Tests.NinthStrand ");

        Assert.Equal(["homicide", "ninth-test"], catalog.Descriptors.Select(d => d.Id));
    }

    [Fact]
    public void An_unknown_strand_is_a_start_up_error_naming_it_and_the_setting()
    {
        var error = Assert.Throws<StartupException>(() => FromList(["SeriousViolence.Strands.Jigsaw", "SeriousViolence.Strands.Knitting"]));

        Assert.Contains("Unknown strand 'SeriousViolence.Strands.Knitting'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Strands:Enabled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assembly_that_is_not_a_strand_plugin_is_refused()
    {
        var error = Assert.Throws<StartupException>(() => FromList(["SeriousViolence.Contracts"]));

        Assert.Contains("is not a strand plugin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_strands_at_all_is_a_start_up_error()
    {
        var error = Assert.Throws<StartupException>(() => StrandCatalog.FromConfiguration(new ConfigurationBuilder().Build()));

        Assert.Contains("No strands are configured", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_strand_listed_twice_is_refused()
    {
        var error = Assert.Throws<StartupException>(() => FromList(["SeriousViolence.Strands.Jigsaw", "SeriousViolence.Strands.jigsaw"]));

        Assert.Contains("more than once", error.Message, StringComparison.Ordinal);
    }
}
