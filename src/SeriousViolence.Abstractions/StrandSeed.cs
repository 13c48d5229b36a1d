using System.Reflection;
using System.Text.Json;

namespace SeriousViolence.Abstractions;

/// <summary>
/// A strand's content from the strategy: its objectives, verbatim, in versioned files embedded in the plugin
/// (<c>Seed/objectives.vN.json</c>). A later version adds objectives under new keys; keys never change meaning.
/// </summary>
public sealed record StrandSeed(IReadOnlyList<StrandSeedVersion> Versions)
{
    public static StrandSeed None { get; } = new([]);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads every <c>Seed/objectives.vN.json</c> embedded in the plugin assembly, in version order.</summary>
    public static StrandSeed FromEmbeddedFiles(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var versions = new List<StrandSeedVersion>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Seed.objectives.v", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var version = JsonSerializer.Deserialize<StrandSeedVersion>(stream, Json)
                ?? throw new InvalidDataException($"{name} in {assembly.GetName().Name} is empty.");
            versions.Add(version);
        }

        return new StrandSeed([.. versions.OrderBy(v => v.Version)]);
    }
}

public sealed record StrandSeedVersion
{
    public required int Version { get; init; }

    public required string Strand { get; init; }

    public required IReadOnlyList<SeedObjective> Objectives { get; init; }
}

/// <summary>One objective of the strategy's action-plan table, as written.</summary>
public sealed record SeedObjective
{
    /// <summary>Stable key, e.g. "homicide-012"; the seeder never inserts the same key twice.</summary>
    public required string Key { get; init; }

    public required IReadOnlyList<string> Ripe { get; init; }

    public required IReadOnlyList<int> Years { get; init; }

    public required string Text { get; init; }

    /// <summary>The lead-in the objective sits under in the table, if any.</summary>
    public string? Context { get; init; }

    public string? YearAsWritten { get; init; }

    public SeedTarget? Target { get; init; }

    public int? SourceLine { get; init; }
}

public sealed record SeedTarget(decimal Value, string Unit, string Text);
