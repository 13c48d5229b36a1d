using System.Reflection;

namespace SeriousViolence.Tests.Support;

public static class RepositoryPaths
{
    /// <summary>The repository root: the folder holding SeriousViolence.sln above the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>../shared beside the repository, or null where it is absent.</summary>
    public static string? Shared =>
        Path.GetFullPath(Path.Combine(Root, "..", "shared")) is var path && Directory.Exists(path) ? path : null;

    public static string Artifacts(string kind)
    {
        var path = Path.Combine(Root, "artifacts", kind);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The built host, for tests that run it as a separate process.</summary>
    public static string WebDll
    {
        get
        {
            var configuration = typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            return Path.Combine(Root, "src", "SeriousViolence.Web", "bin", configuration, "net10.0", "SeriousViolence.Web.dll");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SeriousViolence.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SeriousViolence.sln not found above " + AppContext.BaseDirectory);
    }
}
