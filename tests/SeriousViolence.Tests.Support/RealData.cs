using Xunit;

namespace SeriousViolence.Tests.Support;

/// <summary>A fact that needs the real MPS files in ../shared/data/mps; reported as skipped, with the reason, where absent.</summary>
public sealed class RealDataFactAttribute : FactAttribute
{
    public RealDataFactAttribute()
    {
        if (RealData.Directory is null)
        {
            Skip = "../shared/data/mps is not beside the repository, so the real MPS files cannot be imported here.";
        }
    }
}

/// <summary>The real MPS open-data files as published, in ../shared/data/mps.</summary>
public static class RealData
{
    public static string? Directory =>
        RepositoryPaths.Shared is { } shared && System.IO.Directory.Exists(Path.Combine(shared, "data", "mps")) ? Path.Combine(shared, "data", "mps") : null;

    public static string File(string name) =>
        Path.Combine(Directory ?? throw new InvalidOperationException("../shared/data/mps is not beside the repository."), name);
}
