namespace SeriousViolence.Plans.Model;

public sealed class StrategyRecord
{
    public int Id { get; set; } = 1;

    public required string Aim { get; set; }

    public required string Board { get; set; }

    public List<string> BoardChairs { get; set; } = [];

    public required string BoardMeets { get; set; }

    public string? VictimsCode { get; set; }
}

public sealed class KeyOutcome
{
    public int Number { get; set; }

    public required string Text { get; set; }
}

public sealed class Theme
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>"cross-cutting" (drugs, alcohol, mental health) or "weapon-enabled" (guns, knives).</summary>
    public required string Kind { get; set; }

    public required string Description { get; set; }
}

public sealed class Enabler
{
    public int Number { get; set; }

    public required string Text { get; set; }
}

public sealed class Partner
{
    public int Position { get; set; }

    public required string Name { get; set; }

    public string? FullName { get; set; }
}

/// <summary>An operation or programme the strands draw on (Trident, Blunt, Challenging Wards, ...).</summary>
public sealed class Operation
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string Kind { get; set; }

    public required string Description { get; set; }

    public List<string> Strands { get; set; } = [];

    public List<string> Boroughs { get; set; } = [];

    public List<string> Wards { get; set; } = [];

    public List<string> Partners { get; set; } = [];

    public string? StartDate { get; set; }

    public string? EndDate { get; set; }

    /// <summary>Phases with their dates as written (JSON array).</summary>
    public string Phases { get; set; } = "[]";

    /// <summary>Recorded results, e.g. Venice 13,193 to 8,151 offences (JSON array).</summary>
    public string Results { get; set; } = "[]";

    /// <summary>Where each fact came from in the source documents (JSON array).</summary>
    public string Sources { get; set; } = "[]";

    public long Revision { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}

public sealed class BoroughSet
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string Description { get; set; }

    public int? StatedCount { get; set; }

    public List<string> Boroughs { get; set; } = [];
}
