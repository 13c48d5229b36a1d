using Microsoft.EntityFrameworkCore;

namespace SeriousViolence.Strands.SeriousYouthViolence.DiversionSchemes;

/// <summary>The register as its pages, API and CSV show it: by borough, then name.</summary>
public sealed class SchemeQueries(SeriousYouthViolenceDbContext db)
{
    public async Task<IReadOnlyList<DiversionScheme>> ListAsync(CancellationToken cancellationToken) =>
        (await db.Schemes.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(s => SchemeBoroughs.Name(s.Borough), StringComparer.Ordinal)
            .ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
}
