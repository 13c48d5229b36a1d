using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SeriousViolence.Plugins;
using SeriousViolence.Abstractions;
using SeriousViolence.Contracts;
using SeriousViolence.Platform.Messaging;
using SeriousViolence.Platform.Persistence;

namespace SeriousViolence.Platform.Strands;

/// <summary>
/// Keeps <c>platform.strands</c> in step with the configured strands and tells the Board about them, through the outbox:
/// each enabled strand is announced (its revision bumps when its descriptor changed) and a strand that left the
/// configuration is withdrawn. Re-announcing on request lets the Board rebuild its picture from messages alone.
/// </summary>
public sealed class StrandAnnouncer(PlatformDbContext db, StrandCatalog catalog, TimeProvider clock, ILogger<StrandAnnouncer> logger) : IStateAnnouncer
{
    // Serialises announcers across host instances so revisions never collide: "SVSTRN".
    private const long AdvisoryLockKey = 0x5356_5354_524E;

    /// <summary>At start-up: register, update or withdraw strands, then announce every enabled strand.</summary>
    public async Task<AnnouncementResult> SynchroniseAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        var now = clock.GetUtcNow();
        var registered = await db.Strands.ToDictionaryAsync(s => s.Id, StringComparer.Ordinal, cancellationToken);
        var announced = 0;
        var withdrawn = 0;

        foreach (var module in catalog.Modules)
        {
            var d = module.Descriptor;
            var assembly = module.GetType().Assembly.GetName().Name!;
            if (!registered.TryGetValue(d.Id, out var row))
            {
                row = new RegisteredStrand
                {
                    Id = d.Id, Name = d.Name, Operation = d.Operation, LeadRole = d.LeadRole, Aim = JoinAim(d), PagePath = d.PagePath,
                    Assembly = assembly, Number = d.Number, Enabled = true, Revision = 1, UpdatedAt = now,
                };
                db.Strands.Add(row);
            }
            else if (!row.Enabled || !Matches(row, d, assembly))
            {
                row.Number = d.Number;
                row.Name = d.Name;
                row.Operation = d.Operation;
                row.LeadRole = d.LeadRole;
                row.Aim = JoinAim(d);
                row.PagePath = d.PagePath;
                row.Assembly = assembly;
                row.Enabled = true;
                row.Revision++;
                row.UpdatedAt = now;
            }

            db.Enqueue(ToAnnouncement(row, now), now);
            announced++;
        }

        foreach (var row in registered.Values.Where(r => r.Enabled && catalog.Find(r.Id) is null))
        {
            row.Enabled = false;
            row.Revision++;
            row.UpdatedAt = now;
            db.Enqueue(new StrandWithdrawn { StrandId = row.Id, Revision = row.Revision, OccurredAt = now }, now);
            withdrawn++;
            logger.LogInformation("Strand {StrandId} is no longer configured; withdrawing it from the Board", row.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AnnouncementResult(announced, withdrawn);
    }

    public string What => "strands";

    /// <summary>Announces every enabled strand again at its current revision (used to rebuild the Board).</summary>
    public async Task<int> AnnounceAllAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var rows = await db.Strands.Where(s => s.Enabled).OrderBy(s => s.Number).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            db.Enqueue(ToAnnouncement(row, now), now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    private static StrandAnnounced ToAnnouncement(RegisteredStrand row, DateTimeOffset now) => new()
    {
        StrandId = row.Id,
        Revision = row.Revision,
        OccurredAt = now,
        Number = row.Number,
        Name = row.Name,
        Operation = row.Operation,
        LeadRole = row.LeadRole,
        Aim = row.Aim.Split('\n'),
        PagePath = row.PagePath,
    };

    private static string JoinAim(StrandDescriptor d) => string.Join('\n', d.Aim);

    private static bool Matches(RegisteredStrand row, StrandDescriptor d, string assembly) =>
        row.Number == d.Number && row.Name == d.Name && row.Operation == d.Operation && row.LeadRole == d.LeadRole
        && row.Aim == JoinAim(d) && row.PagePath == d.PagePath && row.Assembly == assembly;
}

public sealed record AnnouncementResult(int Announced, int Withdrawn);
