using System.Reflection;

namespace SeriousViolence.Platform.Persistence;

/// <summary>
/// A module's versioned schema changes: SQL files embedded in its assembly under <c>Migrations/</c>, named
/// <c>NNNN_description.sql</c>, applied in order into the module's own schema.
/// </summary>
public sealed record MigrationSource(string Schema, Assembly Assembly)
{
    /// <summary>Who owns the schema, for the operator: "module plans", "strand '{id}'".</summary>
    public string Owner { get; init; } = "module " + Schema;

    /// <summary>True for a strand's schema: the runner adds the outbox and inbox tables the platform's messaging needs.</summary>
    public bool WithMessaging { get; init; }

    /// <summary>A strand that declares monthly returns: the runner adds the kit's return tables to its schema.</summary>
    public bool WithReturns { get; init; }

    public IReadOnlyList<MigrationScript> Scripts()
    {
        const string marker = ".Migrations.";
        var scripts = new List<MigrationScript>();
        foreach (var resource in Assembly.GetManifestResourceNames())
        {
            var at = resource.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0 || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = resource[(at + marker.Length)..];
            var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(fileName.AsSpan(0, underscore), out var version))
            {
                throw new InvalidOperationException($"Migration '{fileName}' in {Assembly.GetName().Name} must be named NNNN_description.sql.");
            }

            using var stream = Assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new MigrationScript(version, fileName, reader.ReadToEnd()));
        }

        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two migrations in {Assembly.GetName().Name} share version {duplicate.Key}.");
        }

        return [.. scripts.OrderBy(s => s.Version)];
    }
}

public sealed record MigrationScript(int Version, string Name, string Sql);
