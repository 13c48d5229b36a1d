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
