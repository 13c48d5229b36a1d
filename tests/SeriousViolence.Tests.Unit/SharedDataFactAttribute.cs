using Xunit;

namespace SeriousViolence.Tests.Unit;

/// <summary>A fact that needs ../shared beside the repository; reported as skipped, with the reason, where it is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Root is null)
        {
            Skip = "../shared is not beside the repository, so the strategy text is not available to compare with.";
        }
    }
}

internal static class SharedData
{
    public static string? Root { get; } = Find();

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SeriousViolence.sln")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                return Directory.Exists(Path.Combine(shared, "seeds")) ? shared : null;
            }
        }

        return null;
    }
}
