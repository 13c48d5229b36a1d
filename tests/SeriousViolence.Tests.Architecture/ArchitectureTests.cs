using System.Reflection;
using Xunit;

namespace SeriousViolence.Tests.Architecture;

internal static class Repositories
{
    public static string Root { get; } = FindRoot();

    public static string BadRoot { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "BadRepository");

    public static ProjectGraph Declared { get; } = ProjectGraph.FromRepository(Root);

    public static ProjectGraph Bad { get; } = ProjectGraph.FromRepository(BadRoot);

    /// <summary>Our assemblies as compiled into the host's output.</summary>
    public static ProjectGraph Compiled { get; } = ProjectGraph.FromAssemblies(
        Directory.GetFiles(AppContext.BaseDirectory, "SeriousViolence.*.dll")
            .Where(f => !Path.GetFileName(f).StartsWith("SeriousViolence.Tests.", StringComparison.Ordinal))
            .Select(Assembly.LoadFrom),
        a => a.GetName().Name!.StartsWith("SeriousViolence.Strands.", StringComparison.Ordinal) ? "modules" : "src");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SeriousViolence.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SeriousViolence.sln not found");
    }
}

public sealed class The_graphs_under_test
{
    [Fact]
    public void Hold_all_eight_strands_and_the_core_projects()
    {
        Assert.Equal(8, Repositories.Declared.Strands.Count());
        Assert.Equal(8, Repositories.Compiled.Strands.Count());
        Assert.Contains(ArchitectureRules.Board, Repositories.Compiled.Nodes.Keys);
        Assert.Contains(ArchitectureRules.Contracts, Repositories.Compiled.Nodes.Keys);
    }
}

public sealed class No_strand_references_another_strand_or_the_board
{
    [Fact]
    public void Holds_for_the_declared_projects() => Assert.Empty(ArchitectureRules.StrandsReferenceNoOtherStrandNorTheBoard(Repositories.Declared));

    [Fact]
    public void Holds_for_the_compiled_assemblies() => Assert.Empty(ArchitectureRules.StrandsReferenceNoOtherStrandNorTheBoard(Repositories.Compiled));

    [Fact]
    public void Catches_the_bad_fixture()
    {
        var violations = ArchitectureRules.StrandsReferenceNoOtherStrandNorTheBoard(Repositories.Bad).ToList();
        Assert.Contains("SeriousViolence.Strands.Alpha references another strand, SeriousViolence.Strands.Beta", violations);
        Assert.Contains(violations, v => v.StartsWith("SeriousViolence.Strands.Beta references SeriousViolence.Board", StringComparison.Ordinal));
    }
}

public sealed class Contracts_reference_nothing_of_ours_and_no_packages
{
    [Fact]
    public void Holds_for_the_declared_projects() => Assert.Empty(ArchitectureRules.ContractsReferenceNothing(Repositories.Declared));

    [Fact]
    public void Holds_for_the_compiled_assemblies() => Assert.Empty(ArchitectureRules.ContractsReferenceNothing(Repositories.Compiled));

    [Fact]
    public void Catches_the_bad_fixture() => Assert.Equal(
        ["SeriousViolence.Contracts references our project SeriousViolence.Abstractions", "SeriousViolence.Contracts references the package MassTransit"],
        ArchitectureRules.ContractsReferenceNothing(Repositories.Bad));
}

public sealed class Abstractions_have_no_infrastructure_dependencies
{
    [Fact]
    public void Holds_for_the_declared_projects() => Assert.Empty(ArchitectureRules.AbstractionsReferenceNothing(Repositories.Declared));

    [Fact]
    public void Holds_for_the_compiled_assemblies() => Assert.Empty(ArchitectureRules.AbstractionsReferenceNothing(Repositories.Compiled));

    [Fact]
    public void Catches_the_bad_fixture() => Assert.Equal(
        ["SeriousViolence.Abstractions references the package Npgsql"], ArchitectureRules.AbstractionsReferenceNothing(Repositories.Bad));
}

public sealed class The_SPC_engine_is_a_pure_library
{
    [Fact]
    public void Holds_for_the_declared_projects() => Assert.Empty(ArchitectureRules.SpcEngineReferencesNothing(Repositories.Declared));

    [Fact]
    public void Catches_the_bad_fixture() => Assert.Equal(
        ["SeriousViolence.Performance.Spc references our project SeriousViolence.Platform", "SeriousViolence.Performance.Spc references the package Npgsql"],
        ArchitectureRules.SpcEngineReferencesNothing(Repositories.Bad));
}

public sealed class The_board_references_no_strand
{
    [Fact]
    public void Holds_for_the_declared_projects() => Assert.Empty(ArchitectureRules.BoardReferencesNoStrand(Repositories.Declared));

    [Fact]
    public void Holds_for_the_compiled_assemblies() => Assert.Empty(ArchitectureRules.BoardReferencesNoStrand(Repositories.Compiled));

    [Fact]
    public void Catches_the_bad_fixture() => Assert.Contains(
        "SeriousViolence.Board references the strand SeriousViolence.Strands.Alpha", ArchitectureRules.BoardReferencesNoStrand(Repositories.Bad));
}

public sealed class The_configured_strands_match_the_projects_under_modules
{
    [Fact]
    public void Holds_for_the_repository() => Assert.Empty(ArchitectureRules.ConfiguredStrandsMatchModules(
        Repositories.Declared, Path.Combine(Repositories.Root, "src", "SeriousViolence.Web", "appsettings.json")));

    [Fact]
    public void Catches_the_bad_fixture() => Assert.Equal(
        ["Strands:Enabled lists SeriousViolence.Strands.Gamma, which is not a project under modules/", "modules/SeriousViolence.Strands.Beta is not listed in Strands:Enabled"],
        ArchitectureRules.ConfiguredStrandsMatchModules(Repositories.Bad, Path.Combine(Repositories.BadRoot, "src", "SeriousViolence.Web", "appsettings.json")));
}

public sealed class Every_project_is_in_the_solution
{
    [Fact]
    public void Holds_for_the_repository() => Assert.Empty(ArchitectureRules.EveryProjectIsInTheSolution(
        Repositories.Declared, Path.Combine(Repositories.Root, "SeriousViolence.sln")));

    [Fact]
    public void Catches_the_bad_fixture() => Assert.Equal(
        ["modules/SeriousViolence.Strands.Beta/SeriousViolence.Strands.Beta.csproj is not in SeriousViolence.sln"],
        ArchitectureRules.EveryProjectIsInTheSolution(Repositories.Bad, Path.Combine(Repositories.BadRoot, "SeriousViolence.sln")));
}

public sealed class Each_module_touches_only_its_own_schema
{
    [Fact]
    public void Holds_for_the_repository() => Assert.Empty(SourceRules.ModulesTouchOnlyTheirOwnSchema(Repositories.Root));

    [Fact]
    public void Catches_the_bad_fixture() => Assert.Equal(
        [
            "SeriousViolence.Board touches schema performance (performance.measures) at src/SeriousViolence.Board/Pages/MeasuresPage.razor:7",
            "SeriousViolence.Governance touches schema security (security.users) at src/SeriousViolence.Governance/Migrations/0001_governance_copy.sql:3",
            "SeriousViolence.Governance touches schema board (board.objectives) at src/SeriousViolence.Governance/Snapshots/BoardSource.cs:12",
            "SeriousViolence.Governance touches schema board (board.measure_observations) at src/SeriousViolence.Governance/Snapshots/BoardSource.cs:16",
            "SeriousViolence.Governance maps to schema performance (ToTable) at src/SeriousViolence.Governance/Snapshots/BoardSource.cs:23",
            "SeriousViolence.Governance names its schema through options.Schema in HasDefaultSchema, which the test cannot read, at src/SeriousViolence.Governance/Snapshots/BoardSource.cs:24; use a literal or a const",
            "SeriousViolence.Platform touches schema plans (plans.outbox_messages) at src/SeriousViolence.Platform/Messaging/Dispatcher.cs:11",
            "SeriousViolence.Strands.Alpha touches schema strand_beta_team (strand_beta_team.sightings) at modules/SeriousViolence.Strands.Alpha/Sightings.cs:8",
        ],
        SourceRules.ModulesTouchOnlyTheirOwnSchema(Repositories.BadRoot));
}

public sealed class No_core_module_names_a_strand
{
    [Fact]
    public void Holds_for_the_repository() => Assert.Empty(SourceRules.CoreSourceNamesNoStrand(Repositories.Root));

    [Fact]
    public void Reads_every_strand_from_its_descriptor()
    {
        var (strands, unreadable) = SourceText.Strands(Repositories.Root);
        Assert.Empty(unreadable);
        Assert.Equal(Repositories.Declared.Strands.Count(), strands.Count);
        Assert.Contains(new StrandIdentity("SeriousViolence.Strands.Homicide", "homicide", "Homicide"), strands);
        Assert.Contains(strands, s => s.Id == "dv-hate-crime" && s.Schema == "strand_dv_hate_crime");
    }

    [Fact]
    public void Catches_the_bad_fixture() => Assert.Equal(
        [
            "src/SeriousViolence.Abstractions/StrandNames.cs:5 names the strand alpha by name (Alpha Watch)",
            "src/SeriousViolence.Board/Cards.cs:5 names the strand alpha by name (ALPHA WATCH)",
            "src/SeriousViolence.Board/Cards.cs:9 names the strand beta-team by id (beta-team)",
            "src/SeriousViolence.Board/Pages/MeasuresPage.razor:3 names the strand alpha by name (Alpha Watch)",
        ],
        SourceRules.CoreSourceNamesNoStrand(Repositories.BadRoot));
}

public sealed class The_plugin_kit_references_only_abstractions_and_contracts
{
    [Fact]
    public void Holds_for_the_declared_projects() => Assert.Empty(ArchitectureRules.PluginsReferenceOnlyAbstractionsAndContracts(Repositories.Declared));

    [Fact]
    public void Holds_for_the_compiled_assemblies() => Assert.Empty(ArchitectureRules.PluginsReferenceOnlyAbstractionsAndContracts(Repositories.Compiled));

    [Fact]
    public void Catches_the_bad_fixture() => Assert.Equal(
        ["SeriousViolence.Plugins references SeriousViolence.Platform; the plugin kit may only reference SeriousViolence.Abstractions, SeriousViolence.Contracts, SeriousViolence.Ui"],
        ArchitectureRules.PluginsReferenceOnlyAbstractionsAndContracts(Repositories.Bad));
}
