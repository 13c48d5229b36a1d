using Microsoft.EntityFrameworkCore;
using SeriousViolence.Plugins;
using SeriousViolence.Plugins.Returns;

namespace SeriousViolence.Strands.Sapphire.Returns;

/// <summary>The Sapphire strand's records in its own schema (strand_sapphire): its monthly returns.</summary>
public sealed class SapphireDbContext(DbContextOptions<SapphireDbContext> options) : StrandDbContext(options, SapphireStrand.Strand)
{
    protected override void MapRecords(ModelBuilder modelBuilder) => modelBuilder.MapMonthlyReturns();
}
