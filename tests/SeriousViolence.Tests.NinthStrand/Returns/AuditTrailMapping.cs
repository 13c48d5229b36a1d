using Microsoft.EntityFrameworkCore;

namespace SeriousViolence.Tests.NinthStrand.Returns;

/// <summary>
/// Work-around for a gap in the contribution surface, kept here until the platform closes it. The platform's audit
/// interceptor writes each change's record through <c>context.Set&lt;AuditRecord&gt;()</c>, which needs
/// platform.audit_records in the saving context's model; the core contexts call Platform's <c>MapAuditTrail</c>, but
/// <see cref="SeriousViolence.Plugins.StrandDbContext"/> does not, and a strand may not reference Platform. Without this,
/// every audited save of a strand's record fails ("Cannot create a DbSet for 'AuditRecord'"). The mapping copies
/// Platform's; it steps aside when the platform has already mapped the type.
/// </summary>
internal static class AuditTrailMapping
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        var record = Type.GetType("SeriousViolence.Platform.Audit.AuditRecord, SeriousViolence.Platform");
        if (record is null || modelBuilder.Model.FindEntityType(record) is not null)
        {
            return;
        }

        modelBuilder.Entity(record, e =>
        {
            e.ToTable("audit_records", "platform");
            e.HasKey("Id");
            e.Property("Before").HasColumnType("jsonb");
            e.Property("After").HasColumnType("jsonb");
        });
    }
}
