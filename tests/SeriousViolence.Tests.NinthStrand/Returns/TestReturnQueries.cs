using Microsoft.EntityFrameworkCore;

namespace SeriousViolence.Tests.NinthStrand.Returns;

/// <summary>The strand's returns as its pages show them (reading needs only the Board view the pages check).</summary>
public sealed class TestReturnQueries(NinthDbContext db)
{
    public async Task<IReadOnlyList<TestReturn>> ListAsync(CancellationToken cancellationToken) =>
        await db.Returns.AsNoTracking().OrderByDescending(r => r.Month).ThenBy(r => r.Borough).ToListAsync(cancellationToken);
}
