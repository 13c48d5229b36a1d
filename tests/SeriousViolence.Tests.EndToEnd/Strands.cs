namespace SeriousViolence.Tests.EndToEnd;

/// <summary>The eight strands of the strategy as a reader sees them, in the strategy's order.</summary>
internal static class Strands
{
    public static readonly (string Id, string Name)[] All =
    [
        ("jigsaw", "Sex Offender Management (Jigsaw)"),
        ("sapphire", "Rape and Serious Sexual Offences (Sapphire)"),
        ("dv-hate-crime", "Domestic Violence and Hate Crime"),
        ("serious-youth-violence", "Serious Youth Violence"),
        ("gangs-criminal-networks", "Gangs and Criminal Networks"),
        ("homicide", "Homicide"),
        ("gbh", "Grievous Bodily Harm (GBH)"),
        ("child-abuse", "Child Abuse"),
    ];
}
