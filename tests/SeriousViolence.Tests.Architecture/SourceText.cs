using System.Text;
using System.Text.RegularExpressions;

namespace SeriousViolence.Tests.Architecture;

/// <summary>A piece of a source file and the line it starts on.</summary>
public sealed record SourcePiece(int Line, string Text);

/// <summary>A strand as its descriptor names it, and the schema it owns.</summary>
public sealed record StrandIdentity(string Project, string Id, string Name)
{
    public string Schema => "strand_" + Id.Replace('-', '_');
}

/// <summary>A module's source folder and the schema it owns (none for the shared kits and the host).</summary>
public sealed record ModuleFolder(string Name, string RelativePath, string FullPath, string? Schema);

/// <summary>Reading our source as text: files, string literals, SQL without comments, strand descriptors.</summary>
public static partial class SourceText
{
    /// <summary>The schema of each core module that owns one; every other project under src/ owns none.</summary>
    public static readonly IReadOnlyDictionary<string, string> CoreSchemas = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["SeriousViolence.Platform"] = "platform",
        ["SeriousViolence.Plans"] = "plans",
        ["SeriousViolence.Performance"] = "performance",
        ["SeriousViolence.Board"] = "board",
        ["SeriousViolence.Governance"] = "governance",
        ["SeriousViolence.Security"] = "security",
    };

    private static readonly string[] SourceExtensions = [".cs", ".razor", ".sql"];

    /// <summary>The .cs, .razor and .sql files under a folder, leaving out build output.</summary>
    public static IEnumerable<string> SourceFiles(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => SourceExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Where(f => !Segments(Path.GetRelativePath(folder, f)).Any(s => s is "bin" or "obj"))
                .Order(StringComparer.Ordinal)
            : [];

    public static IEnumerable<string> Segments(string relativePath) => relativePath.Replace('\\', '/').Split('/');

    /// <summary>Every project folder under src/ and modules/, with the schema it owns.</summary>
    public static IReadOnlyList<ModuleFolder> Modules(string root, IReadOnlyList<StrandIdentity> strands)
    {
        var modules = new List<ModuleFolder>();
        foreach (var folder in new[] { "src", "modules" })
        {
            var dir = Path.Combine(root, folder);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var project in Directory.GetDirectories(dir).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(project);
                var schema = folder == "modules" ? strands.FirstOrDefault(s => s.Project == name)?.Schema : CoreSchemas.GetValueOrDefault(name);
                modules.Add(new ModuleFolder(name, folder + "/" + name, project, schema));
            }
        }

        return modules;
    }

    /// <summary>
    /// The strands under modules/, read from each project's descriptor (the <c>Id = "..."</c> and <c>Name = "..."</c> of
    /// the <c>StrandDescriptor</c> in its *Strand.cs), and the projects whose descriptor could not be read.
    /// </summary>
    public static (IReadOnlyList<StrandIdentity> Strands, IReadOnlyList<string> Unreadable) Strands(string root)
    {
        var strands = new List<StrandIdentity>();
        var unreadable = new List<string>();
        var dir = Path.Combine(root, "modules");
        foreach (var project in Directory.Exists(dir) ? Directory.GetDirectories(dir).Order(StringComparer.Ordinal).ToArray() : [])
        {
            var name = Path.GetFileName(project);
            var descriptor = SourceFiles(project)
                .Where(f => f.EndsWith("Strand.cs", StringComparison.Ordinal))
                .Select(File.ReadAllText)
                .Where(t => t.Contains("StrandDescriptor", StringComparison.Ordinal))
                .Select(t => (Text: t, From: t.IndexOf("StrandDescriptor", StringComparison.Ordinal)))
                .Select(t => (Id: DescriptorId().Match(t.Text, t.From), Name: DescriptorName().Match(t.Text, t.From)))
                .FirstOrDefault(m => m.Id.Success && m.Name.Success);
            if (descriptor.Id is null)
            {
                unreadable.Add($"modules/{name} has no *Strand.cs with a StrandDescriptor whose Id and Name the test can read");
                continue;
            }

            strands.Add(new StrandIdentity(name, descriptor.Id.Groups[1].Value, descriptor.Name.Groups[1].Value));
        }

        return (strands, unreadable);
    }

    /// <summary>
    /// The string literals of C# (or of the C# in a Razor file): regular, verbatim, interpolated and raw, each with the
    /// line it starts on. Comments are skipped. In Razor markup an apostrophe of prose is not taken for a char literal.
    /// </summary>
    public static IReadOnlyList<SourcePiece> StringLiterals(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var pieces = new List<SourcePiece>();
        var line = 1;
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\n')
            {
                line++;
                i++;
            }
            else if (c == '/' && At(source, i + 1) == '/')
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && At(source, i + 1) == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? source.Length : end + 2;
                line += Count(source, i, end, '\n');
                i = end;
            }
            else if (c == '\'')
            {
                // 'x' or '\x' (or '\u0000'); otherwise a prose apostrophe in markup.
                var close = source.IndexOf('\'', i + 1);
                i = close > i && close - i <= 7 && !source.AsSpan(i, close - i).Contains('\n') ? close + 1 : i + 1;
            }
            else if (c == '"' || ((c == '@' || c == '$') && StartsString(source, i)))
            {
                var start = i;
                var verbatim = false;
                while (source[i] is '@' or '$')
                {
                    verbatim |= source[i] == '@';
                    i++;
                }

                var quotes = 0;
                while (At(source, i + quotes) == '"')
                {
                    quotes++;
                }

                string text;
                if (quotes >= 3)
                {
                    var fence = new string('"', quotes);
                    var end = source.IndexOf(fence, i + quotes, StringComparison.Ordinal);
                    end = end < 0 ? source.Length : end;
                    text = source[(i + quotes)..end];
                    i = Math.Min(source.Length, end + quotes);
                }
                else if (quotes == 2 && !verbatim)
                {
                    text = "";
                    i += 2;
                }
                else
                {
                    var sb = new StringBuilder();
                    i++;
                    while (i < source.Length)
                    {
                        var d = source[i];
                        if (verbatim && d == '"' && At(source, i + 1) == '"')
                        {
                            sb.Append('"');
                            i += 2;
                        }
                        else if (d == '"' || (!verbatim && d == '\n'))
                        {
                            i++;
                            break;
                        }
                        else if (!verbatim && d == '\\' && i + 1 < source.Length)
                        {
                            sb.Append(d).Append(source[i + 1]);
                            i += 2;
                        }
                        else
                        {
                            sb.Append(d);
                            i++;
                        }
                    }

                    text = sb.ToString();
                }

                pieces.Add(new SourcePiece(line, text));
                line += Count(source, start, Math.Min(i, source.Length), '\n');
            }
            else
            {
                i++;
            }
        }

        return pieces;
    }

    /// <summary>SQL with its comments (<c>--</c> to the end of the line, <c>/* */</c>) blanked, lines kept.</summary>
    public static string SqlWithoutComments(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var sb = new StringBuilder(sql.Length);
        var i = 0;
        while (i < sql.Length)
        {
            if (sql[i] == '-' && At(sql, i + 1) == '-')
            {
                while (i < sql.Length && sql[i] != '\n')
                {
                    i++;
                }
            }
            else if (sql[i] == '/' && At(sql, i + 1) == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? sql.Length : end + 2;
                sb.Append('\n', Count(sql, i, end, '\n'));
                i = end;
            }
            else
            {
                sb.Append(sql[i]);
                i++;
            }
        }

        return sb.ToString();
    }

    /// <summary>The 1-based line of a position in a text.</summary>
    public static int LineOf(string text, int index) => 1 + Count(text, 0, index, '\n');

    private static bool StartsString(string s, int i)
    {
        while (i < s.Length && s[i] is '@' or '$')
        {
            i++;
        }

        return At(s, i) == '"';
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private static int Count(string s, int from, int to, char c)
    {
        var n = 0;
        for (var i = from; i < to && i < s.Length; i++)
        {
            if (s[i] == c)
            {
                n++;
            }
        }

        return n;
    }

    [GeneratedRegex(@"\bId\s*=\s*""([^""]+)""")]
    private static partial Regex DescriptorId();

    [GeneratedRegex(@"\bName\s*=\s*""([^""]+)""")]
    private static partial Regex DescriptorName();
}
