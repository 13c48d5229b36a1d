using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;

namespace SeriousViolence.Plugins;

/// <summary>
/// The base of a strand's own DbContext: its schema as the default, the outbox mapped into it, snake_case names to match
/// the SQL migrations, and <see cref="IAuditedContext"/>, so that every change is audited with the actor in the same
/// transaction and a save with no actor is refused (the platform maps its audit trail into the model when it registers
/// the context through <see cref="IStrandContributions.DbContext{TContext}"/>). Optimistic concurrency: mark the version property of each edited
/// record with <c>IsConcurrencyToken()</c> and give the version the person read (see modules/README.md).
/// Messages go out with <see cref="Outbox.Enqueue"/> in the same SaveChanges as the change they report.
/// </summary>
public abstract class StrandDbContext(DbContextOptions options, StrandDescriptor strand) : DbContext(options), IAuditedContext
{
    public Actor? ActingAs { get; set; }

    public StrandDescriptor Strand { get; } = strand ?? throw new ArgumentNullException(nameof(strand));

    /// <summary>The plugin assembly's name, which each outbox row records as its source module.</summary>
    public string SourceModule => GetType().Assembly.GetName().Name!;

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Strand.Schema);
        MapRecords(modelBuilder);
        modelBuilder.MapOutbox();
        modelBuilder.ApplySnakeCaseNames();
    }

    /// <summary>Maps the strand's own records (tables default to the strand's schema).</summary>
    protected abstract void MapRecords(ModelBuilder modelBuilder);
}
