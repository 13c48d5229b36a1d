using System.Reflection;
using MassTransit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using SeriousViolence.Abstractions;

namespace SeriousViolence.Plugins;

/// <summary>
/// What a strand plugin may add to the platform, from <see cref="StrandModule.Contribute"/>. The platform implements
/// it; nothing here reaches another module. Every name a strand declares (schema, measure codes, routes, message types)
/// is checked at start-up: a clash with another module stops the host with one line naming both.
/// </summary>
public interface IStrandContributions
{
    StrandDescriptor Strand { get; }

    /// <summary>The strand's own PostgreSQL schema, <c>strand_&lt;id&gt;</c> (hyphens become underscores).</summary>
    string Schema { get; }

    /// <summary>
    /// Owns <see cref="Schema"/>: applies the SQL files embedded in <paramref name="assembly"/> under <c>Migrations/</c>
    /// (<c>NNNN_description.sql</c>, in order, each once) with the platform's migrations, at start-up and by
    /// <c>--migrate-only</c>. The platform adds the outbox and inbox tables to the schema itself.
    /// </summary>
    void Migrations(Assembly assembly);

    /// <summary>
    /// The strand's records through EF Core: <typeparamref name="TContext"/> is registered on the shared data source
    /// with the platform's audit interceptor and outbox signal. Requires <see cref="Migrations"/>.
    /// </summary>
    void DbContext<TContext>()
        where TContext : StrandDbContext;

    /// <summary>A message type of the strand's own that its outbox may carry. Contracts are allowed already.</summary>
    void Message<TMessage>()
        where TMessage : class;

    /// <summary>A MassTransit consumer the bus runs for the strand (on its own queue, like the core modules' consumers).</summary>
    void Consumer<TConsumer>()
        where TConsumer : class, IConsumer;

    /// <summary>
    /// A scheduled job on the platform's one clustered Quartz scheduler. Its cron (seconds first, UTC) may be changed in
    /// configuration under <c>Strands:Jobs:&lt;name&gt;:Cron</c>; it appears on the scheduled-jobs page with its runs.
    /// </summary>
    void Job<TJob>(string name, string description, string defaultCron)
        where TJob : class, IStrandJob;

    /// <summary>A success measure the strand owns: defined, charted and judged by Performance, fed by the strand.</summary>
    void Measure(MeasureDeclaration measure);

    /// <summary>Every measure declared in the embedded <c>Seed/measures.json</c> of <paramref name="assembly"/>.</summary>
    void MeasuresFrom(Assembly assembly);

    /// <summary>An importer for a published file format, recognised from the file's header; it may feed only the strand's measures.</summary>
    void Importer<TImporter>()
        where TImporter : class, IObservationImporter;

    /// <summary>A section on the strand's own page (the component receives a <c>StrandId</c> parameter).</summary>
    void PageSection<TComponent>(int order)
        where TComponent : IComponent;

    /// <summary>A link under the strand in the navigation, shown to everyone who may see the Board.</summary>
    void Navigation(string title, string href);

    /// <summary>A capability of the strand's own, decided by <see cref="AccessPolicy"/> for its leads and action owners.</summary>
    void Capability(StrandCapability capability);

    /// <summary>
    /// HTTP endpoints of the strand's own, mapped by the host under <c>/api/strands/&lt;id&gt;/</c> (the group
    /// <paramref name="map"/> receives), listed in the OpenAPI document under the strand's name. The group admits only
    /// signed-in internal people (the Board's <see cref="SeriousViolence.Abstractions.Capability.ViewBoard"/>); each
    /// endpoint still checks the strand capability it needs through its command, and an
    /// <see cref="AccessDeniedException"/> becomes 403, recorded in the audit trail with the real actor.
    /// </summary>
    void Api(Action<RouteGroupBuilder> map);

    /// <summary>
    /// A monthly return the strand collects (<see cref="Returns.ReturnDefinition"/>): the platform creates its tables in
    /// the strand's schema, registers <see cref="Returns.MonthlyReturns{TContext}"/> (prepare, approve, correct, CSV),
    /// the two capabilities (prepare: leads and action owners; approve: leads) and the endpoints under
    /// <c>/api/strands/&lt;id&gt;/returns/&lt;key&gt;</c>. <typeparamref name="TContext"/> maps the tables with
    /// <c>modelBuilder.MapMonthlyReturns()</c>. The strand's page shows <c>ReturnsWorkspace</c>.
    /// </summary>
    void MonthlyReturns<TContext>(Returns.ReturnDefinition definition)
        where TContext : StrandDbContext;
}
