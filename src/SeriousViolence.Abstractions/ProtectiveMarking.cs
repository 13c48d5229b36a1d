namespace SeriousViolence.Abstractions;

/// <summary>Government Security Classifications marking carried by every record and every export.</summary>
public enum ProtectiveMarking
{
    Official = 0,
    OfficialSensitive = 1,
}

public static class ProtectiveMarkings
{
    public static string Label(this ProtectiveMarking marking) => marking switch
    {
        ProtectiveMarking.Official => "OFFICIAL",
        ProtectiveMarking.OfficialSensitive => "OFFICIAL-SENSITIVE",
        _ => throw new ArgumentOutOfRangeException(nameof(marking)),
    };

    /// <summary>The highest of the markings given (OFFICIAL when there are none).</summary>
    public static ProtectiveMarking Highest(IEnumerable<ProtectiveMarking> markings) =>
        markings.DefaultIfEmpty(ProtectiveMarking.Official).Max();

    public static bool TryParse(string? text, out ProtectiveMarking marking)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "OFFICIAL":
                marking = ProtectiveMarking.Official;
                return true;
            case "OFFICIAL-SENSITIVE" or "OFFICIAL_SENSITIVE" or "OFFICIALSENSITIVE":
                marking = ProtectiveMarking.OfficialSensitive;
                return true;
            default:
                marking = ProtectiveMarking.Official;
                return false;
        }
    }
}
