using Microsoft.EntityFrameworkCore;
using SeriousViolence.Plugins;
using SeriousViolence.Plugins.Returns;

namespace SeriousViolence.Strands.DomesticViolenceHateCrime.Returns;

/// <summary>The Domestic Violence and Hate Crime strand's records in its own schema (strand_dv_hate_crime): its monthly returns.</summary>
public sealed class CsuDbContext(DbContextOptions<CsuDbContext> options) : StrandDbContext(options, DomesticViolenceHateCrimeStrand.Strand)
{
    protected override void MapRecords(ModelBuilder modelBuilder) => modelBuilder.MapMonthlyReturns();
}
