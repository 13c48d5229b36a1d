namespace SeriousViolence.Abstractions;

/// <summary>The strategy's RIPE framework. An objective may sit under more than one (e.g. "Reassurance and Prevention").</summary>
[Flags]
public enum RipeCategory
{
    None = 0,
    Reassurance = 1,
    Intelligence = 2,
    Prevention = 4,
    Enforcement = 8,
}

/// <summary>Red / Amber / Green status as the Board reads it.</summary>
public enum Rag
{
    Red = 1,
    Amber = 2,
    Green = 3,
}
