namespace SeriousViolence.Abstractions;

public static class StrandNames
{
    public const string First = "Alpha Watch";
}
