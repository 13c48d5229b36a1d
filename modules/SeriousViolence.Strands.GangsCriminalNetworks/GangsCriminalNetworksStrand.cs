using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;

[assembly: StrandModule(typeof(SeriousViolence.Strands.GangsCriminalNetworks.GangsCriminalNetworksStrand))]

namespace SeriousViolence.Strands.GangsCriminalNetworks;

/// <summary>Strand 5 of the Serious Violence Strategy: Gangs and Criminal Networks. Its one registration point.</summary>
public sealed class GangsCriminalNetworksStrand : StrandModule
{
    /// <summary>As the strategy (seeds/003) describes the strand; aim and success measures verbatim from its action-plan table.</summary>
    public static readonly StrandDescriptor Strand = new()
    {
        Id = "gangs-criminal-networks",
        Number = 5,
        Name = "Gangs and Criminal Networks",
        Operation = "Criminal Networks Prioritisation Matrix and disruption process",
        LeadRole = "Detective Chief Superintendent Violent Crime Directorate / Specialist Crime Directorate",
        Aim =
        [
            "To disrupt those criminal networks and gangs causing harm to London’s communities by their involvement in serious violence and to reduce the level of fear in neighbourhoods and communities",
        ],
        SuccessMeasures =
        [
            "Reduction in the level of harm to London’s Communities associated by Gang and Criminal Network Activity",
        ],
    };

    public override StrandDescriptor Descriptor => Strand;

    /// <summary>The strand's objectives from the strategy's action-plan table (Seed/objectives.vN.json).</summary>
    public override StrandSeed Seed { get; } = StrandSeed.FromEmbeddedFiles(typeof(GangsCriminalNetworksStrand).Assembly);

    /// <summary>The measures the strand owns (Seed/measures.json): Performance stores and charts them.</summary>
    public override void Contribute(IStrandContributions strand)
    {
        ArgumentNullException.ThrowIfNull(strand);
        strand.MeasuresFrom(typeof(GangsCriminalNetworksStrand).Assembly);
    }
}
