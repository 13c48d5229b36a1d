using System.Reflection;
using Microsoft.Extensions.Configuration;
using SeriousViolence.Abstractions;
using SeriousViolence.Platform.Startup;

namespace SeriousViolence.Platform.Strands;

/// <summary>
/// The strands this host runs, in the order of their numbers, resolved from <c>Strands:Enabled</c> (a list of plugin
/// assembly names). Each assembly names its one module type with <see cref="StrandModuleAttribute"/>: no type scanning.
/// </summary>
public sealed class StrandCatalog
{
    public const string ConfigurationKey = "Strands:Enabled";

    public StrandCatalog(IEnumerable<IStrandModule> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        Modules = [.. modules.OrderBy(m => m.Descriptor.Number).ThenBy(m => m.Descriptor.Id, StringComparer.Ordinal)];
        Validate(Modules);
    }

    public IReadOnlyList<IStrandModule> Modules { get; }

    public IEnumerable<StrandDescriptor> Descriptors => Modules.Select(m => m.Descriptor);

    /// <summary>The plugin assemblies, for the router's additional assemblies.</summary>
    public IReadOnlyList<Assembly> Assemblies => [.. Modules.Select(m => m.GetType().Assembly).Distinct()];

    public StrandDescriptor? Find(string strandId) =>
        Descriptors.FirstOrDefault(d => string.Equals(d.Id, strandId, StringComparison.Ordinal));

    public static StrandCatalog FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // A comma-separated value (e.g. the environment variable Strands__Enabled) replaces the list in appsettings.json
        // as a whole; indexed entries (Strands__Enabled__0 ...) would merge with it index by index.
        var section = configuration.GetSection(ConfigurationKey);
        var names = section.Value is { } list ? list.Split(',') : section.Get<string[]>() ?? [];
        names = [.. names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim())];
        if (names.Length == 0)
        {
            throw new StartupException(
                $"No strands are configured: set {ConfigurationKey} (environment: Strands__Enabled, comma-separated) " +
                "to the strand plugin assembly names, e.g. SeriousViolence.Strands.Jigsaw.");
        }

        var duplicate = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new StartupException($"{ConfigurationKey} lists '{duplicate.Key}' more than once; list each strand once.");
        }

        return new StrandCatalog(names.Select(LoadModule));
    }

    private static IStrandModule LoadModule(string assemblyName)
    {
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(new AssemblyName(assemblyName));
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException or ArgumentException)
        {
            throw new StartupException(
                $"Unknown strand '{assemblyName}' in {ConfigurationKey}: no such plugin assembly is deployed with the host. " +
                "Check the spelling (names look like SeriousViolence.Strands.Jigsaw) or remove the entry.", ex);
        }

        var attribute = assembly.GetCustomAttribute<StrandModuleAttribute>()
            ?? throw new StartupException(
                $"'{assemblyName}' in {ConfigurationKey} is not a strand plugin: it has no [assembly: StrandModule(...)] attribute.");

        if (!typeof(IStrandModule).IsAssignableFrom(attribute.ModuleType) || !typeof(Autofac.Module).IsAssignableFrom(attribute.ModuleType))
        {
            throw new StartupException(
                $"Strand plugin '{assemblyName}' names {attribute.ModuleType.FullName}, which must be an Autofac module implementing IStrandModule.");
        }

        return (IStrandModule)(Activator.CreateInstance(attribute.ModuleType)
            ?? throw new StartupException($"Strand plugin '{assemblyName}': could not create {attribute.ModuleType.FullName}."));
    }

    private static void Validate(IReadOnlyList<IStrandModule> modules)
    {
        foreach (var group in modules.GroupBy(m => m.Descriptor.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            throw new StartupException($"Two configured strands share the id '{group.Key}'; strand ids must be unique.");
        }

        foreach (var group in modules.GroupBy(m => m.Descriptor.Number).Where(g => g.Count() > 1))
        {
            throw new StartupException($"Two configured strands share the number {group.Key}; strand numbers must be unique.");
        }

        foreach (var module in modules)
        {
            var d = module.Descriptor;
            if (!IsSlug(d.Id))
            {
                throw new StartupException($"Strand id '{d.Id}' must be lower-case letters, digits and hyphens.");
            }

            if (d.Number < 1 || string.IsNullOrWhiteSpace(d.Name) || d.Aim.Count == 0)
            {
                throw new StartupException($"Strand '{d.Id}' has an incomplete descriptor: it needs a number, a name and an aim.");
            }
        }
    }

    private static bool IsSlug(string id) =>
        id.Length is > 0 and <= 40 && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && id[0] != '-' && id[^1] != '-';
}
