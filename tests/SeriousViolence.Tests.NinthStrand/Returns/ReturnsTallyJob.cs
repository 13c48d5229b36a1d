using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;

namespace SeriousViolence.Tests.NinthStrand.Returns;

/// <summary>The strand's scheduled job: counts its returns and the boroughs that made them, and keeps the tally.</summary>
public sealed class ReturnsTallyJob(NinthDbContext db, TimeProvider clock) : IStrandJob
{
    public const string Name = "ninth-test-tally";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        // Jobs act as the platform; the tally is audited under its name.
        db.ActingAs = Actor.System;
        var returns = await db.Returns.CountAsync(cancellationToken);
        var boroughs = await db.Returns.Select(r => r.Borough).Distinct().CountAsync(cancellationToken);
        var now = clock.GetUtcNow();
        db.Tallies.Add(new Tally { Id = Guid.CreateVersion7(now), TakenAt = now, Returns = returns, Boroughs = boroughs });
        await db.SaveChangesAsync(cancellationToken);
        return $"Counted {returns} test returns from {boroughs} boroughs.";
    }
}
