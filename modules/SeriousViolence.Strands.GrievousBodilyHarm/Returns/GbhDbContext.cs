using Microsoft.EntityFrameworkCore;
using SeriousViolence.Plugins;
using SeriousViolence.Plugins.Returns;

namespace SeriousViolence.Strands.GrievousBodilyHarm.Returns;

/// <summary>The GBH strand's records in its own schema (strand_gbh): its monthly returns.</summary>
public sealed class GbhDbContext(DbContextOptions<GbhDbContext> options) : StrandDbContext(options, GrievousBodilyHarmStrand.Strand)
{
    protected override void MapRecords(ModelBuilder modelBuilder) => modelBuilder.MapMonthlyReturns();
}
