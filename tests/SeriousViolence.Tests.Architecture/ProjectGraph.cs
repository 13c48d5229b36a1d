using System.Reflection;
using System.Xml.Linq;

namespace SeriousViolence.Tests.Architecture;

/// <summary>Projects (by assembly name), where they live, and what each references: ours and packages.</summary>
public sealed class ProjectGraph
{
    private ProjectGraph(IReadOnlyDictionary<string, ProjectNode> nodes) => Nodes = nodes;

    public IReadOnlyDictionary<string, ProjectNode> Nodes { get; }

    public IEnumerable<ProjectNode> Strands => Nodes.Values.Where(n => n.Folder == "modules");

    /// <summary>Everything a project references, directly or through other projects of ours.</summary>
    public IReadOnlySet<string> Closure(string name)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(Nodes[name].Projects);
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            if (seen.Add(next) && Nodes.TryGetValue(next, out var node))
            {
                foreach (var child in node.Projects)
                {
                    stack.Push(child);
                }
            }
        }

        return seen;
    }

    /// <summary>The graph the .csproj files declare, for every project under src/, modules/ and tests/.</summary>
    public static ProjectGraph FromRepository(string root)
    {
        var nodes = new Dictionary<string, ProjectNode>(StringComparer.Ordinal);
        foreach (var folder in new[] { "src", "modules", "tests" })
        {
            var dir = Path.Combine(root, folder);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(dir, "*.csproj", SearchOption.AllDirectories).Where(f => !IsFixtureOrOutput(f, root)))
            {
                var xml = XDocument.Load(file);
                var projectDir = Path.GetDirectoryName(file)!;
                var projects = xml.Descendants("ProjectReference")
                    .Select(e => e.Attribute("Include")!.Value)
                    .SelectMany(include => Expand(projectDir, include))
                    .Select(Path.GetFileNameWithoutExtension)
                    .Select(n => n!)
                    .ToHashSet(StringComparer.Ordinal);
                var packages = xml.Descendants("PackageReference").Select(e => e.Attribute("Include")!.Value).ToHashSet(StringComparer.Ordinal);
                var name = Path.GetFileNameWithoutExtension(file);
                nodes[name] = new ProjectNode(name, folder, Path.GetRelativePath(root, file), projects, packages);
            }
        }

        return new ProjectGraph(nodes);
    }

    /// <summary>The graph the compiled assemblies show: which of our assemblies each one references.</summary>
    public static ProjectGraph FromAssemblies(IEnumerable<Assembly> assemblies, Func<Assembly, string> folderOf)
    {
        var ours = assemblies.ToDictionary(a => a.GetName().Name!, StringComparer.Ordinal);
        var nodes = ours.Values.ToDictionary(
            a => a.GetName().Name!,
            a => new ProjectNode(
                a.GetName().Name!,
                folderOf(a),
                a.Location,
                a.GetReferencedAssemblies().Select(r => r.Name!).Where(ours.ContainsKey).ToHashSet(StringComparer.Ordinal),
                a.GetReferencedAssemblies().Select(r => r.Name!).Where(n => !ours.ContainsKey(n) && !IsFramework(n)).ToHashSet(StringComparer.Ordinal)),
            StringComparer.Ordinal);
        return new ProjectGraph(nodes);
    }

    private static bool IsFramework(string name) =>
        name is "System" or "netstandard" or "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal);

    private static IEnumerable<string> Expand(string projectDir, string include)
    {
        include = include.Replace('\\', '/');
        if (!include.Contains('*', StringComparison.Ordinal))
        {
            return [Path.GetFullPath(Path.Combine(projectDir, include))];
        }

        // The one wildcard form we use: <dir>/*/*.csproj (every project one level below a folder).
        var baseDir = Path.GetFullPath(Path.Combine(projectDir, include[..include.IndexOf('*', StringComparison.Ordinal)]));
        return Directory.Exists(baseDir)
            ? Directory.GetDirectories(baseDir).SelectMany(d => Directory.GetFiles(d, "*.csproj"))
            : [];
    }

    private static bool IsFixtureOrOutput(string file, string root)
    {
        var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
        return relative.Contains("/Fixtures/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal);
    }
}

public sealed record ProjectNode(string Name, string Folder, string Path, IReadOnlySet<string> Projects, IReadOnlySet<string> Packages);
