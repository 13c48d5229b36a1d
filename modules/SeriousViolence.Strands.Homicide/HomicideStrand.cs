using Autofac;
using SeriousViolence.Abstractions;

[assembly: StrandModule(typeof(SeriousViolence.Strands.Homicide.HomicideStrand))]

namespace SeriousViolence.Strands.Homicide;

/// <summary>Strand 6 of the Serious Violence Strategy: Homicide. Its one registration point.</summary>
public sealed class HomicideStrand : Module, IStrandModule
{
    /// <summary>As the strategy (seeds/003) describes the strand; aim and success measures verbatim from its action-plan table.</summary>
    public static readonly StrandDescriptor Strand = new()
    {
        Id = "homicide",
        Number = 6,
        Name = "Homicide",
        Operation = "Homicide and Serious Crime Command",
        LeadRole = "Detective Chief Superintendent Specialist Crime Directorate",
        Aim =
        [
            "To improve the efficiency and effectiveness of investigations conducted by SCD.",
            "To contribute to other corporate initiatives that focus on the reduction of homicides.",
        ],
        SuccessMeasures =
        [
            "To achieve a detection rate of 85% homicide investigation",
            "To achieve a conviction rate of 85% in Homicide investigations, to include convictions for manslaughter",
        ],
    };

    public StrandDescriptor Descriptor => Strand;

    /// <summary>The strand's objectives from the strategy's action-plan table (Seed/objectives.vN.json).</summary>
    public StrandSeed Seed { get; } = StrandSeed.FromEmbeddedFiles(typeof(HomicideStrand).Assembly);

    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterInstance(Strand).Keyed<StrandDescriptor>(Strand.Id);
    }
}
