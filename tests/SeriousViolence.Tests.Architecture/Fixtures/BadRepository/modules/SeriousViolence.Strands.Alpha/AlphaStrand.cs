namespace SeriousViolence.Strands.Alpha;

public sealed class AlphaStrand
{
    public static readonly StrandDescriptor Strand = new()
    {
        Id = "alpha",
        Number = 1,
        Name = "Alpha Watch",
    };
}
