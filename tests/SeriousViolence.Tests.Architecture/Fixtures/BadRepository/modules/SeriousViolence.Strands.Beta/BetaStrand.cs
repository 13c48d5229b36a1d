namespace SeriousViolence.Strands.Beta;

public sealed class BetaStrand
{
    public static readonly StrandDescriptor Strand = new()
    {
        Id = "beta-team",
        Number = 2,
        Name = "Beta",
    };
}
