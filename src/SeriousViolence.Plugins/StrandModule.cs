using Autofac;
using SeriousViolence.Abstractions;

namespace SeriousViolence.Plugins;

/// <summary>
/// The base of every strand plugin: one class per plugin, its one registration point. It describes the strand
/// (<see cref="Descriptor"/>), carries its objectives (<see cref="Seed"/>), registers plain services in
/// <see cref="Module.Load"/> like any Autofac module, and declares what it adds to the platform in
/// <see cref="Contribute"/>: its schema, records, messages, measures, importers, consumers, jobs, pages and capabilities.
/// </summary>
public abstract class StrandModule : Module, IStrandModule
{
    public abstract StrandDescriptor Descriptor { get; }

    /// <summary>The strand's objectives from the strategy (embedded <c>Seed/objectives.vN.json</c>).</summary>
    public virtual StrandSeed Seed => StrandSeed.FromEmbeddedFiles(GetType().Assembly);

    /// <summary>Called once at composition, before the container is built. Declare only; do no I/O here.</summary>
    public virtual void Contribute(IStrandContributions strand)
    {
    }

    protected override void Load(ContainerBuilder builder)
    {
    }
}
