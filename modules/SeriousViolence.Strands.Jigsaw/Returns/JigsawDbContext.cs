using Microsoft.EntityFrameworkCore;
using SeriousViolence.Plugins;
using SeriousViolence.Plugins.Returns;

namespace SeriousViolence.Strands.Jigsaw.Returns;

/// <summary>The Jigsaw strand's records in its own schema (strand_jigsaw): its monthly returns.</summary>
public sealed class JigsawDbContext(DbContextOptions<JigsawDbContext> options) : StrandDbContext(options, JigsawStrand.Strand)
{
    protected override void MapRecords(ModelBuilder modelBuilder) => modelBuilder.MapMonthlyReturns();
}
