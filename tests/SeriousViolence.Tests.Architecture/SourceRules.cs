using System.Text.RegularExpressions;

namespace SeriousViolence.Tests.Architecture;

/// <summary>The rules read from source text: whose schema each module touches, and which core source names a strand.</summary>
public static partial class SourceRules
{
    /// <summary>The kits that build SQL and EF mappings from a schema they are given (a strand's, a migration source's).</summary>
    public static readonly IReadOnlySet<string> AddressSchemasThroughVariables = new HashSet<string>(StringComparer.Ordinal)
    {
        "SeriousViolence.Platform", "SeriousViolence.Plugins",
    };

    /// <summary>What looks like a schema-qualified table but is a file (the Board's stylesheet is board.css).</summary>
    private static readonly HashSet<string> FileExtensions = new(StringComparer.Ordinal)
    {
        "css", "js", "json", "svg", "png", "ico", "html", "csv", "pdf", "sql", "md", "txt", "woff", "woff2",
    };

    /// <summary>
    /// Each module (a project under src/ or modules/) touches only its own schema: in its embedded SQL (comments aside),
    /// in the string literals of its C# and Razor (SQL built in code), and in its EF mappings and migration sources
    /// (<c>HasDefaultSchema</c>, <c>ToTable(name, schema)</c>, <c>AddModuleDbContext(schema, ...)</c>,
    /// <c>MigrationSource(schema, ...)</c>). Platform and the plugin kit may address a schema they are given through a
    /// variable, never a literal of another module's schema; a project that owns no schema touches none.
    /// </summary>
    public static IEnumerable<string> ModulesTouchOnlyTheirOwnSchema(string root)
    {
        var (strands, unreadable) = SourceText.Strands(root);
        foreach (var problem in unreadable)
        {
            yield return problem;
        }

        var schemas = SourceText.CoreSchemas.Values.Concat(strands.Select(s => s.Schema)).ToHashSet(StringComparer.Ordinal);
        var qualified = QualifiedName(schemas);
        foreach (var module in SourceText.Modules(root, strands))
        {
            var constants = Constants(module.FullPath);
            foreach (var file in SourceText.SourceFiles(module.FullPath))
            {
                var path = module.RelativePath + "/" + Path.GetRelativePath(module.FullPath, file).Replace('\\', '/');
                var text = File.ReadAllText(file);
                var pieces = Path.GetExtension(file).Equals(".sql", StringComparison.OrdinalIgnoreCase)
                    ? [new SourcePiece(1, SourceText.SqlWithoutComments(text))]
                    : SourceText.StringLiterals(text);
                foreach (var piece in pieces)
                {
                    foreach (Match m in qualified.Matches(piece.Text))
                    {
                        var schema = m.Groups["schema"].Value;
                        if (schema != module.Schema && !FileExtensions.Contains(m.Groups["table"].Value))
                        {
                            yield return $"{module.Name} touches schema {schema} ({m.Value}) at {path}:{piece.Line + SourceText.LineOf(piece.Text, m.Index) - 1}";
                        }
                    }
                }

                if (!Path.GetExtension(file).Equals(".sql", StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var violation in Mappings(module, path, text, constants))
                    {
                        yield return violation;
                    }
                }
            }
        }
    }

    /// <summary>
    /// No core module's source (every project under src/, Abstractions included) names a strand by id or by name, in
    /// .cs, .razor or .sql, comments included; seed data under a Seed/ folder (cross-cutting strategy content such as
    /// operations and key outcomes) is the exception. Ids are whole tokens of letters, digits and hyphens, so the
    /// measure code <c>homicide-offences</c> is not the id <c>homicide</c>; names match whole words in any case.
    /// </summary>
    public static IEnumerable<string> CoreSourceNamesNoStrand(string root)
    {
        var (strands, unreadable) = SourceText.Strands(root);
        foreach (var problem in unreadable)
        {
            yield return problem;
        }

        var patterns = strands.SelectMany(s => new[]
        {
            (s, Kind: "id", Pattern: new Regex($"(?<![A-Za-z0-9-]){Regex.Escape(s.Id)}(?![A-Za-z0-9-])", RegexOptions.CultureInvariant)),
            (s, Kind: "name", Pattern: new Regex(
                $"(?<![A-Za-z0-9-]){string.Join(@"\s+", s.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape))}(?![A-Za-z0-9-])",
                RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)),
        }).ToList();
        foreach (var module in SourceText.Modules(root, strands).Where(m => m.RelativePath.StartsWith("src/", StringComparison.Ordinal)))
        {
            foreach (var file in SourceText.SourceFiles(module.FullPath).Where(f => !SourceText.Segments(Path.GetRelativePath(module.FullPath, f)).Contains("Seed", StringComparer.Ordinal)))
            {
                var path = module.RelativePath + "/" + Path.GetRelativePath(module.FullPath, file).Replace('\\', '/');
                var text = File.ReadAllText(file);
                // A word that is both a strand's id and its name ("homicide") is reported once, as the id.
                var found = patterns.SelectMany(p => p.Pattern.Matches(text).Select(m => (p.s, p.Kind, Match: m)))
                    .DistinctBy(f => (f.Match.Index, f.s.Id))
                    .OrderBy(f => f.Match.Index);
                foreach (var (strand, kind, m) in found)
                {
                    yield return $"{path}:{SourceText.LineOf(text, m.Index)} names the strand {strand.Id} by {kind} ({m.Value})";
                }
            }
        }
    }

    private static IEnumerable<string> Mappings(ModuleFolder module, string path, string text, IReadOnlyDictionary<string, string?> constants)
    {
        foreach (Match m in SchemaCall().Matches(text))
        {
            var call = m.Groups["call"].Value.TrimStart('.').Replace("new ", "", StringComparison.Ordinal).Trim();
            var args = Arguments(m.Groups["args"].Value);
            var argument = call == "ToTable" ? (args.Count == 2 ? args[1] : null) : args.FirstOrDefault();
            if (argument is null)
            {
                continue;
            }

            var line = SourceText.LineOf(text, m.Index);
            var literal = LiteralValue().Match(argument);
            // A constant resolves (Schema, BoardDbContext.Schema); a member of a variable (options.Schema) does not.
            var variable = argument.Contains('.', StringComparison.Ordinal) && char.IsLower(argument[0]);
            var schema = literal.Success ? literal.Groups[1].Value : variable ? null : constants.GetValueOrDefault(argument.Split('.')[^1]);
            if (schema is null)
            {
                if (!AddressSchemasThroughVariables.Contains(module.Name))
                {
                    yield return $"{module.Name} names its schema through {argument} in {call}, which the test cannot read, at {path}:{line}; use a literal or a const";
                }
            }
            else if (schema != module.Schema)
            {
                yield return $"{module.Name} maps to schema {schema} ({call}) at {path}:{line}";
            }
        }
    }

    /// <summary>The arguments of a call, split at the commas outside parentheses and generics.</summary>
    private static List<string> Arguments(string args)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < args.Length; i++)
        {
            depth += args[i] is '(' or '<' ? 1 : args[i] is ')' || (args[i] == '>' && (i == 0 || args[i - 1] != '=')) ? -1 : 0;
            if (args[i] == ',' && depth == 0)
            {
                parts.Add(args[start..i].Trim());
                start = i + 1;
            }
        }

        parts.Add(args[start..].Trim());
        return [.. parts.Where(p => p.Length > 0)];
    }

    /// <summary>The project's <c>const string X = "..."</c>, by name; null for a name declared with two values.</summary>
    private static Dictionary<string, string?> Constants(string folder)
    {
        var constants = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var file in SourceText.SourceFiles(folder).Where(f => f.EndsWith(".cs", StringComparison.Ordinal)))
        {
            foreach (Match m in ConstString().Matches(File.ReadAllText(file)))
            {
                var (name, value) = (m.Groups[1].Value, m.Groups[2].Value);
                constants[name] = constants.TryGetValue(name, out var known) && known != value ? null : value;
            }
        }

        return constants;
    }

    private static Regex QualifiedName(IEnumerable<string> schemas) => new(
        $@"(?<![A-Za-z0-9_.])(?<schema>{string.Join("|", schemas.Select(Regex.Escape))}|strand_[a-z0-9_]+)\.(?<table>[a-z_][a-z0-9_]*)",
        RegexOptions.CultureInvariant);

    /// <summary>An EF mapping or a migration source: .HasDefaultSchema(s), .ToTable(t, s), .AddModuleDbContext&lt;T&gt;(s, ...), new MigrationSource(s, ...).</summary>
    [GeneratedRegex("""(?<call>\.(?:HasDefaultSchema|ToTable|AddModuleDbContext)|new\s+MigrationSource)(?:<[^<>()]*>)?\((?<args>[^()]*(?:\([^()]*\)[^()]*)*)\)""")]
    private static partial Regex SchemaCall();

    [GeneratedRegex("""^"([^"]*)"$""")]
    private static partial Regex LiteralValue();

    [GeneratedRegex("""const\s+string\s+(\w+)\s*=\s*"([^"]*)"\s*;""")]
    private static partial Regex ConstString();
}
