namespace SeriousViolence.Board;

internal static class Cards
{
    // Cards for ALPHA WATCH come first.
    private const string Code = "beta-team-sightings";
    private const string Word = "alphabet";
    public static bool First(string strandId) =>
        strandId == "beta-team";
}
