using System.Reflection;
using MassTransit;
using Microsoft.AspNetCore.Components;
using SeriousViolence.Abstractions;
using SeriousViolence.Platform.Startup;
using SeriousViolence.Platform.Strands;
using SeriousViolence.Plugins;

namespace SeriousViolence.Platform.Plugins;

/// <summary>
/// Everything the configured strand plugins contributed (<see cref="StrandModule.Contribute"/>), collected once at
/// composition and checked: a schema, measure code, route or message type claimed twice is a start-up error naming both.
/// The core modules read what concerns them (Performance the measures and importers, Governance the jobs, the bus the
/// consumers and message types) without knowing any strand.
/// </summary>
public sealed class PluginRegistry
{
    private readonly List<StrandContribution> _strands = [];

    private PluginRegistry()
    {
    }

    public IReadOnlyList<StrandContribution> Strands => _strands;

    public IEnumerable<MeasureDeclarationOf> Measures => _strands.SelectMany(s => s.Measures.Select(m => new MeasureDeclarationOf(s.Strand.Id, s.ModuleName, m)));

    public IEnumerable<Type> Consumers => _strands.SelectMany(s => s.Consumers);

    public IEnumerable<StrandJobRegistration> Jobs => _strands.SelectMany(s => s.Jobs);

    public IEnumerable<(string StrandId, Type Importer)> Importers => _strands.SelectMany(s => s.Importers.Select(i => (s.Strand.Id, i)));

    public IEnumerable<Type> MessageTypes => _strands.SelectMany(s => s.MessageTypes);

    /// <summary>The assembly names of the loaded strand plugins: the source modules whose outbox rows may be published.</summary>
    public IReadOnlySet<string> ModuleNames => _strands.Select(s => s.ModuleName).ToHashSet(StringComparer.Ordinal);

    public StrandContribution? Find(string strandId) => _strands.FirstOrDefault(s => s.Strand.Id == strandId);

    /// <summary>The module that owns a strand's objectives and measures (its plugin assembly), or null if not loaded.</summary>
    public string? ModuleOf(string strandId) => Find(strandId)?.ModuleName;

    /// <summary>Asks each plugin what it contributes, then checks the whole for clashes.</summary>
    public static PluginRegistry Collect(StrandCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var registry = new PluginRegistry();
        foreach (var module in catalog.Modules)
        {
            var contribution = new StrandContribution(module.Descriptor, module.GetType().Assembly);
            if (module is StrandModule plugin)
            {
                try
                {
                    plugin.Contribute(contribution);
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or InvalidDataException or System.Text.Json.JsonException)
                {
                    throw new StartupException($"Strand '{module.Descriptor.Id}' ({contribution.ModuleName}) declares something invalid: {ex.Message}", ex);
                }
            }

            registry._strands.Add(contribution);
        }

        registry.Validate();
        return registry;
    }

    private void Validate()
    {
        Clash("schema", _strands.Where(s => s.MigrationsAssembly is not null).Select(s => (s.Strand.Schema, s)));
        Clash("measure code", _strands.SelectMany(s => s.Measures.Select(m => (m.Code, s))));
        Clash("route", _strands.SelectMany(s => s.Routes().Select(r => (r, s))));
        Clash("message type", _strands.SelectMany(s => s.MessageTypes.Select(t => (t.FullName!, s))));
        Clash("job name", _strands.SelectMany(s => s.Jobs.Select(j => (j.Name, s))));
        foreach (var s in _strands)
        {
            foreach (var problem in s.Measures.SelectMany(m => m.Problems()))
            {
                throw new StartupException($"Strand '{s.Strand.Id}': {problem}.");
            }

            foreach (var (definition, _) in s.Returns)
            {
                foreach (var problem in definition.Problems())
                {
                    throw new StartupException($"Strand '{s.Strand.Id}': {problem}.");
                }

                var undeclared = definition.Measures.Select(m => m.MeasureCode).FirstOrDefault(c => s.Measures.All(m => m.Code != c));
                if (undeclared is not null)
                {
                    throw new StartupException($"Strand '{s.Strand.Id}': the return '{definition.Key}' feeds the measure '{undeclared}', which the strand does not declare.");
                }
            }

            var duplicateReturn = s.Returns.GroupBy(r => r.Definition.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicateReturn is not null)
            {
                throw new StartupException($"Strand '{s.Strand.Id}' declares the return '{duplicateReturn.Key}' twice.");
            }

            if (s.DbContexts.Count > 0 && s.MigrationsAssembly is null)
            {
                throw new StartupException($"Strand '{s.Strand.Id}' registers {s.DbContexts[0].Name} but owns no schema: call Migrations(assembly) in Contribute.");
            }

            var duplicateCapability = s.Capabilities.GroupBy(c => c.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicateCapability is not null)
            {
                throw new StartupException($"Strand '{s.Strand.Id}' declares the capability '{duplicateCapability.Key}' twice.");
            }
        }
    }

    private static void Clash(string what, IEnumerable<(string Name, StrandContribution Strand)> claims)
    {
        foreach (var group in claims.GroupBy(c => c.Name, StringComparer.Ordinal))
        {
            var owners = group.Select(c => c.Strand.Strand.Id).Distinct(StringComparer.Ordinal).ToList();
            if (owners.Count > 1)
            {
                throw new StartupException($"The strands '{owners[0]}' and '{owners[1]}' both declare the {what} '{group.Key}'; each must be unique: rename it in one of them.");
            }

            if (group.Count() > 1)
            {
                throw new StartupException($"Strand '{owners[0]}' declares the {what} '{group.Key}' twice.");
            }
        }
    }
}

/// <summary>A measure declaration with the strand (and plugin module) that owns it.</summary>
public sealed record MeasureDeclarationOf(string OwnerStrandId, string OwnerModule, MeasureDeclaration Measure);

/// <summary>A strand's scheduled job as the scheduler registers it.</summary>
public sealed record StrandJobRegistration(string StrandId, string Name, string Description, string DefaultCron, Type JobType);

/// <summary>A section a strand adds to its own page.</summary>
public sealed record StrandPageSection(int Order, Type ComponentType, string StrandId) : IStrandPageSection
{
    string? IStrandPageSection.StrandId => StrandId;
}

/// <summary>What one strand declared.</summary>
public sealed class StrandContribution(StrandDescriptor strand, Assembly assembly) : IStrandContributions
{
    public StrandDescriptor Strand { get; } = strand;

    public Assembly Assembly { get; } = assembly;

    public string ModuleName { get; } = assembly.GetName().Name!;

    public string Schema => Strand.Schema;

    public Assembly? MigrationsAssembly { get; private set; }

    public List<Type> DbContexts { get; } = [];

    public List<Type> MessageTypes { get; } = [];

    public List<Type> Consumers { get; } = [];

    public List<StrandJobRegistration> Jobs { get; } = [];

    public List<MeasureDeclaration> Measures { get; } = [];

    public List<Type> Importers { get; } = [];

    public List<StrandPageSection> Sections { get; } = [];

    public List<StrandNavigationEntry> NavigationEntries { get; } = [];

    public List<StrandCapability> Capabilities { get; } = [];

    /// <summary>What the strand maps under its API group, <c>/api/strands/&lt;id&gt;/</c>.</summary>
    public List<Action<Microsoft.AspNetCore.Routing.RouteGroupBuilder>> ApiMaps { get; } = [];

    public string ApiPath => "/api/strands/" + Strand.Id;

    /// <summary>The monthly returns the strand collects, each with the context that maps its tables.</summary>
    public List<(SeriousViolence.Plugins.Returns.ReturnDefinition Definition, Type Context)> Returns { get; } = [];

    /// <summary>Services the platform registers for the strand (scoped): the returns service of each context.</summary>
    public HashSet<Type> ScopedServices { get; } = [];

    public void Migrations(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        MigrationsAssembly = assembly;
    }

    public void DbContext<TContext>()
        where TContext : StrandDbContext => DbContexts.Add(typeof(TContext));

    public void Message<TMessage>()
        where TMessage : class => MessageTypes.Add(typeof(TMessage));

    public void Consumer<TConsumer>()
        where TConsumer : class, IConsumer => Consumers.Add(typeof(TConsumer));

    public void Job<TJob>(string name, string description, string defaultCron)
        where TJob : class, IStrandJob
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultCron);
        try
        {
            _ = new Quartz.CronExpression(defaultCron);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"the job '{name}' has the cron expression '{defaultCron}', which Quartz cannot read: {ex.Message}", nameof(defaultCron), ex);
        }

        Jobs.Add(new StrandJobRegistration(Strand.Id, name, description, defaultCron, typeof(TJob)));
    }

    public void Measure(MeasureDeclaration measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        Measures.Add(measure);
    }

    public void MeasuresFrom(Assembly assembly) => Measures.AddRange(MeasureDeclaration.FromEmbeddedFile(assembly));

    public void Importer<TImporter>()
        where TImporter : class, IObservationImporter => Importers.Add(typeof(TImporter));

    public void PageSection<TComponent>(int order)
        where TComponent : IComponent => Sections.Add(new StrandPageSection(order, typeof(TComponent), Strand.Id));

    public void Navigation(string title, string href)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (href is null || !href.StartsWith(Strand.PagePath, StringComparison.Ordinal))
        {
            throw new ArgumentException($"the navigation entry '{title}' must point inside the strand's pages ({Strand.PagePath}...), not '{href}'", nameof(href));
        }

        NavigationEntries.Add(new StrandNavigationEntry(Strand.Id, title, href));
    }

    public void Capability(StrandCapability capability)
    {
        ArgumentNullException.ThrowIfNull(capability);
        Capabilities.Add(capability);
    }

    public void Api(Action<Microsoft.AspNetCore.Routing.RouteGroupBuilder> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        ApiMaps.Add(map);
    }

    public void MonthlyReturns<TContext>(SeriousViolence.Plugins.Returns.ReturnDefinition definition)
        where TContext : StrandDbContext
    {
        ArgumentNullException.ThrowIfNull(definition);
        Returns.Add((definition, typeof(TContext)));
        if (!DbContexts.Contains(typeof(TContext)))
        {
            DbContexts.Add(typeof(TContext));
        }

        ScopedServices.Add(typeof(SeriousViolence.Plugins.Returns.MonthlyReturns<TContext>));
        Capability(definition.Prepare);
        Capability(definition.Approve);
        Api(group => SeriousViolence.Plugins.Returns.ReturnsApi.Map<TContext>(group, definition));
    }

    /// <summary>The page routes the plugin assembly serves (its components' @page templates).</summary>
    public IEnumerable<string> Routes() =>
        Assembly.GetExportedTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template.TrimEnd('/').ToLowerInvariant())
            .Distinct(StringComparer.Ordinal);
}
