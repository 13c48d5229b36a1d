using Microsoft.EntityFrameworkCore;
using SeriousViolence.Plugins;

namespace SeriousViolence.Tests.NinthStrand.Returns;

/// <summary>The test strand's records in its own schema (strand_ninth_test), audited and concurrency-safe.</summary>
public sealed class NinthDbContext(DbContextOptions<NinthDbContext> options) : StrandDbContext(options, NinthStrand.Strand)
{
    public DbSet<TestReturn> Returns => Set<TestReturn>();

    public DbSet<ReturnReceipt> Receipts => Set<ReturnReceipt>();

    public DbSet<Tally> Tallies => Set<Tally>();

    protected override void MapRecords(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TestReturn>(e =>
        {
            e.ToTable("test_returns");
            e.HasKey(r => r.Id);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.Borough, r.Month }).IsUnique();
        });
        modelBuilder.Entity<ReturnReceipt>(e =>
        {
            e.ToTable("return_receipts");
            e.HasKey(r => new { r.ReturnId, r.Version });
        });
        modelBuilder.Entity<Tally>(e => e.ToTable("tallies"));
    }
}
