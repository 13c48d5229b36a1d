using SeriousViolence.Abstractions;

namespace SeriousViolence.Strands.SeriousYouthViolence.DiversionSchemes;

public enum SchemeStatus
{
    Planned,
    Active,
    Paused,
    Ended,
}

/// <summary>
/// A youth diversion or engagement scheme in one borough, run by a partner organisation, for young people of an age
/// range: what the Year 1 audit lists. About the scheme, never about a young person.
/// </summary>
public sealed class DiversionScheme
{
    public Guid Id { get; set; }

    /// <summary>Always this strand; named so the audit trail files the change under the strand.</summary>
    public string StrandId { get; set; } = SeriousYouthViolenceStrand.Strand.Id;

    public required string Name { get; set; }

    /// <summary>ONS GSS code of one of the 32 London boroughs (E09...).</summary>
    public required string Borough { get; set; }

    /// <summary>The organisation that runs it (a youth service, charity, the borough council...).</summary>
    public required string Partner { get; set; }

    public int AgeFrom { get; set; }

    public int AgeTo { get; set; }

    public SchemeStatus Status { get; set; }

    public DateOnly LastReviewed { get; set; }

    public ProtectiveMarking Marking { get; set; }

    /// <summary>1 when first recorded; increases with each change; the optimistic-concurrency token.</summary>
    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}

public static class SchemeBoroughs
{
    /// <summary>
    /// The 32 London boroughs the MPS polices, the audit's scope: the City of London (E09000001) has its own police force.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> All = Geographies.Boroughs
        .Where(b => b.Key != "E09000001")
        .ToDictionary(b => b.Key, b => b.Value, StringComparer.Ordinal);

    public static string Name(string code) => Geographies.Boroughs.GetValueOrDefault(code, code);
}
