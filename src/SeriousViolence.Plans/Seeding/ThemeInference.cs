namespace SeriousViolence.Plans.Seeding;

/// <summary>
/// The strategy's table does not tag objectives with themes, so seeding tags them from the words of the objective
/// itself: a plain, repeatable rule that leads can correct afterwards (their edits are never overwritten).
/// </summary>
public static class ThemeInference
{
    private static readonly (string Theme, string[] Words)[] Rules =
    [
        ("knives", ["knife", "knives", "blade", "bladed"]),
        ("guns", ["gun", "firearm", "shooting", "trident"]),
        ("drugs", ["drug"]),
        ("alcohol", ["alcohol", "licensed premises", "licensing"]),
        ("mental-health", ["mental health", "mentally"]),
    ];

    public static List<string> For(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Rules.Where(r => r.Words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase))).Select(r => r.Theme)];
    }
}
