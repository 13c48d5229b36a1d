using System.Text.Json;

namespace SeriousViolence.Tests.Architecture;

/// <summary>Each rule returns its violations as sentences; none means the rule holds.</summary>
public static class ArchitectureRules
{
    public const string Contracts = "SeriousViolence.Contracts";
    public const string Abstractions = "SeriousViolence.Abstractions";
    public const string Board = "SeriousViolence.Board";
    public const string Spc = "SeriousViolence.Performance.Spc";
    public const string Plugins = "SeriousViolence.Plugins";

    /// <summary>What a strand may build on among our projects: the shared contract, the messages, the components and the plugin kit.</summary>
    public static readonly IReadOnlySet<string> StrandMayReference = new HashSet<string>(StringComparer.Ordinal)
    {
        Abstractions, Contracts, "SeriousViolence.Ui", Plugins,
    };

    /// <summary>
    /// The plugin kit is what a strand compiles against, so it brings nothing of ours but what a strand may reference
    /// itself: the shared contract, the messages and the components (its returns workspace is built from them).
    /// </summary>
    public static readonly IReadOnlySet<string> PluginsMayReference = new HashSet<string>(StringComparer.Ordinal)
    {
        Abstractions, Contracts, "SeriousViolence.Ui",
    };

    public static IEnumerable<string> StrandsReferenceNoOtherStrandNorTheBoard(ProjectGraph graph)
    {
        var strands = graph.Strands.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var strand in graph.Strands)
        {
            foreach (var reference in graph.Closure(strand.Name).Where(r => !StrandMayReference.Contains(r)))
            {
                yield return strands.Contains(reference)
                    ? $"{strand.Name} references another strand, {reference}"
                    : $"{strand.Name} references {reference}; a strand may only reference {string.Join(", ", StrandMayReference)}";
            }
        }
    }

    public static IEnumerable<string> PluginsReferenceOnlyAbstractionsAndContracts(ProjectGraph graph)
    {
        if (!graph.Nodes.ContainsKey(Plugins))
        {
            yield return $"{Plugins} is missing, so the rule cannot be checked";
            yield break;
        }

        foreach (var reference in graph.Closure(Plugins).Where(r => !PluginsMayReference.Contains(r)).Order(StringComparer.Ordinal))
        {
            yield return $"{Plugins} references {reference}; the plugin kit may only reference {string.Join(", ", PluginsMayReference)}";
        }
    }

    public static IEnumerable<string> ContractsReferenceNothing(ProjectGraph graph) => ReferencesNothing(graph, Contracts);

    public static IEnumerable<string> AbstractionsReferenceNothing(ProjectGraph graph) => ReferencesNothing(graph, Abstractions);

    /// <summary>The SPC engine is a pure library: no I/O, so nothing of ours and no packages.</summary>
    public static IEnumerable<string> SpcEngineReferencesNothing(ProjectGraph graph) => ReferencesNothing(graph, Spc);

    public static IEnumerable<string> BoardReferencesNoStrand(ProjectGraph graph)
    {
        if (!graph.Nodes.ContainsKey(Board))
        {
            yield return $"{Board} is missing, so the rule cannot be checked";
            yield break;
        }

        var strands = graph.Strands.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var reference in graph.Closure(Board).Where(strands.Contains))
        {
            yield return $"{Board} references the strand {reference}";
        }
    }

    /// <summary>The strands the host enables by default are exactly the projects under modules/.</summary>
    public static IEnumerable<string> ConfiguredStrandsMatchModules(ProjectGraph graph, string appSettingsPath)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(appSettingsPath));
        var configured = json.RootElement.GetProperty("Strands").GetProperty("Enabled").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
        var modules = graph.Strands.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in configured.Except(modules))
        {
            yield return $"Strands:Enabled lists {name}, which is not a project under modules/";
        }

        foreach (var name in modules.Except(configured))
        {
            yield return $"modules/{name} is not listed in Strands:Enabled";
        }
    }

    public static IEnumerable<string> EveryProjectIsInTheSolution(ProjectGraph graph, string solutionPath)
    {
        var solution = File.ReadAllText(solutionPath).Replace('\\', '/');
        foreach (var node in graph.Nodes.Values.Where(n => !solution.Contains(n.Path.Replace('\\', '/'), StringComparison.Ordinal)))
        {
            yield return $"{node.Path} is not in {Path.GetFileName(solutionPath)}";
        }
    }

    private static IEnumerable<string> ReferencesNothing(ProjectGraph graph, string name)
    {
        if (!graph.Nodes.TryGetValue(name, out var node))
        {
            yield return $"{name} is missing, so the rule cannot be checked";
            yield break;
        }

        foreach (var reference in node.Projects)
        {
            yield return $"{name} references our project {reference}";
        }

        foreach (var package in node.Packages)
        {
            yield return $"{name} references the package {package}";
        }
    }
}
