using Autofac;
using SeriousViolence.Abstractions;

[assembly: StrandModule(typeof(SeriousViolence.Strands.GrievousBodilyHarm.GrievousBodilyHarmStrand))]

namespace SeriousViolence.Strands.GrievousBodilyHarm;

/// <summary>Strand 7 of the Serious Violence Strategy: Grievous Bodily Harm (GBH). Its one registration point.</summary>
public sealed class GrievousBodilyHarmStrand : Module, IStrandModule
{
    /// <summary>As the strategy (seeds/003) describes the strand; aim and success measures verbatim from its action-plan table.</summary>
    public static readonly StrandDescriptor Strand = new()
    {
        Id = "gbh",
        Number = 7,
        Name = "Grievous Bodily Harm (GBH)",
        Operation = "Violent Crime Directorate serious violence team",
        LeadRole = "Detective Chief Superintendent Violent Crime Directorate",
        Aim =
        [
            "Reduce the incidence of GBH and other serious violence by:-",
            "Continuing to develop our knowledge of the key drivers for the problem",
            "Continuing to develop our understanding of gang-related crime",
        ],
        SuccessMeasures =
        [
            "Reducing the level of serious violence offences and increasing the detection rate for these offences",
        ],
    };

    public StrandDescriptor Descriptor => Strand;

    /// <summary>The strand's objectives from the strategy's action-plan table (Seed/objectives.vN.json).</summary>
    public StrandSeed Seed { get; } = StrandSeed.FromEmbeddedFiles(typeof(GrievousBodilyHarmStrand).Assembly);

    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterInstance(Strand).Keyed<StrandDescriptor>(Strand.Id);
    }
}
