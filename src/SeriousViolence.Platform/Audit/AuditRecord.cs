using Microsoft.EntityFrameworkCore;

namespace SeriousViolence.Platform.Audit;

/// <summary>
/// One entry in the audit trail (platform.audit_records). Its place in the chain (seq, prev_hash, hash) is set by the
/// database on insert and is not mapped here: nothing in the application can write or change it.
/// </summary>
public sealed class AuditRecord
{
    public Guid Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string ActorId { get; set; }

    public required string ActorName { get; set; }

    /// <summary>One of <see cref="AuditKinds"/>.</summary>
    public required string Kind { get; set; }

    public string Entity { get; set; } = "";

    public string EntityId { get; set; } = "";

    public string? StrandId { get; set; }

    public string Summary { get; set; } = "";

    /// <summary>JSON of the changed fields as they were; null for a creation or an event.</summary>
    public string? Before { get; set; }

    /// <summary>JSON of the changed fields as they are now; null for a deletion.</summary>
    public string? After { get; set; }

    public string Marking { get; set; } = "OFFICIAL";
}

public static class AuditKinds
{
    public const string Change = "change";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string AccessDenied = "access-denied";
    public const string Export = "export";
    public const string Import = "import";
    public const string Permission = "permission";
    public const string Token = "token";

    public static IReadOnlyList<string> All { get; } = [Change, SignIn, SignInFailed, SignOut, AccessDenied, Export, Import, Permission, Token];
}

public static class AuditModel
{
    public const string Table = "audit_records";

    /// <summary>Maps the audit table (always in schema platform) into a module's context, so its changes are audited in the same transaction.</summary>
    public static void MapAuditTrail(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<AuditRecord>(e =>
        {
            e.ToTable(Table, "platform");
            e.HasKey(r => r.Id);
            e.Property(r => r.Before).HasColumnType("jsonb");
            e.Property(r => r.After).HasColumnType("jsonb");
        });
    }
}
