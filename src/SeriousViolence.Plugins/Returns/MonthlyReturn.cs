using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;

namespace SeriousViolence.Plugins.Returns;

/// <summary>Where a return is in its review: prepared and awaiting the lead, approved (it counts), or a correction awaiting the lead.</summary>
public enum ReturnStatus
{
    Draft,
    Approved,
    CorrectionPending,
}

/// <summary>
/// One monthly return of a strand for one borough (or the force): its figures as prepared, the figures that count
/// (as last approved), who prepared and who approved it. Counts only, never a person. The table is the platform's,
/// created in the strand's schema when the strand declares a return.
/// </summary>
public sealed class MonthlyReturn
{
    public Guid Id { get; set; }

    /// <summary>Named so the audit trail files each change under the strand.</summary>
    public required string StrandId { get; set; }

    public required string ReturnKey { get; set; }

    /// <summary>GSS code of the borough, or "london" for a force-wide return.</summary>
    public required string Geography { get; set; }

    /// <summary>The first day of the month the return covers.</summary>
    public DateOnly Month { get; set; }

    /// <summary>The figures as last prepared (JSON object of field code to count).</summary>
    public required string Figures { get; set; }

    /// <summary>The figures that count: those last approved; null until the first approval.</summary>
    public string? ApprovedFigures { get; set; }

    public ReturnStatus Status { get; set; }

    /// <summary>0 until approved; 1 at the first approval; one more for each approved correction.</summary>
    public int Revision { get; set; }

    public required string PreparedBy { get; set; }

    public required string PreparedById { get; set; }

    public DateTimeOffset PreparedAt { get; set; }

    public string? ApprovedBy { get; set; }

    public string? ApprovedById { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>Why an approved return is being corrected (required for a correction).</summary>
    public string? CorrectionReason { get; set; }

    public ProtectiveMarking Marking { get; set; }

    /// <summary>Optimistic concurrency: 1 when first saved, one more with each change.</summary>
    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public IReadOnlyDictionary<string, int> PreparedValues => Parse(Figures);

    public IReadOnlyDictionary<string, int>? ApprovedValues => ApprovedFigures is null ? null : Parse(ApprovedFigures);

    internal static string Write(IReadOnlyDictionary<string, int> figures) => JsonSerializer.Serialize(figures);

    internal static IReadOnlyDictionary<string, int> Parse(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? new Dictionary<string, int>();
}

/// <summary>Each approved revision of a return, kept: the figures that counted, who prepared and approved them, and why it changed.</summary>
public sealed class MonthlyReturnRevision
{
    public Guid ReturnId { get; set; }

    public int Revision { get; set; }

    public required string StrandId { get; set; }

    public required string Figures { get; set; }

    public required string PreparedBy { get; set; }

    public required string ApprovedBy { get; set; }

    public DateTimeOffset ApprovedAt { get; set; }

    public string? Reason { get; set; }

    public ProtectiveMarking Marking { get; set; }
}

public static class MonthlyReturnMapping
{
    /// <summary>Maps the platform's return tables into a strand context (call from <c>MapRecords</c>).</summary>
    public static void MapMonthlyReturns(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<MonthlyReturn>(e =>
        {
            e.ToTable("monthly_returns");
            e.HasKey(r => r.Id);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.Property(r => r.Figures).HasColumnType("jsonb");
            e.Property(r => r.ApprovedFigures).HasColumnType("jsonb");
            e.Property(r => r.Status).HasConversion<string>();
            e.Ignore(r => r.PreparedValues);
            e.Ignore(r => r.ApprovedValues);
            e.HasIndex(r => new { r.ReturnKey, r.Geography, r.Month }).IsUnique();
        });
        modelBuilder.Entity<MonthlyReturnRevision>(e =>
        {
            e.ToTable("monthly_return_revisions");
            e.HasKey(r => new { r.ReturnId, r.Revision });
            e.Property(r => r.Figures).HasColumnType("jsonb");
        });
    }

    /// <summary>The tables, created by the platform's migration runner in the schema of a strand that declares a return.</summary>
    public static string Ddl(string schema) => $"""
        CREATE TABLE IF NOT EXISTS "{schema}".monthly_returns (
            id uuid PRIMARY KEY,
            strand_id text NOT NULL,
            return_key text NOT NULL,
            geography text NOT NULL CHECK (geography = 'london' OR (geography ~ '^E09[0-9]+$' AND length(geography) = 9)),
            month date NOT NULL CHECK (extract(day FROM month) = 1),
            figures jsonb NOT NULL,
            approved_figures jsonb NULL,
            status text NOT NULL CHECK (status IN ('Draft', 'Approved', 'CorrectionPending')),
            revision integer NOT NULL CHECK (revision >= 0),
            prepared_by text NOT NULL,
            prepared_by_id text NOT NULL,
            prepared_at timestamptz NOT NULL,
            approved_by text NULL,
            approved_by_id text NULL,
            approved_at timestamptz NULL,
            correction_reason text NULL,
            marking integer NOT NULL DEFAULT 0 CHECK (marking IN (0, 1)),
            version bigint NOT NULL CHECK (version >= 1),
            created_at timestamptz NOT NULL,
            created_by text NOT NULL,
            updated_at timestamptz NOT NULL,
            updated_by text NOT NULL,
            UNIQUE (return_key, geography, month),
            CHECK ((status = 'Draft') = (approved_figures IS NULL))
        );
        CREATE TABLE IF NOT EXISTS "{schema}".monthly_return_revisions (
            return_id uuid NOT NULL REFERENCES "{schema}".monthly_returns (id),
            revision integer NOT NULL CHECK (revision >= 1),
            strand_id text NOT NULL,
            figures jsonb NOT NULL,
            prepared_by text NOT NULL,
            approved_by text NOT NULL,
            approved_at timestamptz NOT NULL,
            reason text NULL,
            marking integer NOT NULL DEFAULT 0 CHECK (marking IN (0, 1)),
            PRIMARY KEY (return_id, revision)
        );
        """;
}
