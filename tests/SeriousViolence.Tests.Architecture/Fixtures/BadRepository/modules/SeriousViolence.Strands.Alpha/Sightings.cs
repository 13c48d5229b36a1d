namespace SeriousViolence.Strands.Alpha;

internal static class Sightings
{
    // Its own schema (strand_alpha) is fine; another strand's is not.
    public const string Own = "SELECT * FROM strand_alpha.sightings";

    public const string Theirs = "SELECT * FROM strand_beta_team.sightings";
}
