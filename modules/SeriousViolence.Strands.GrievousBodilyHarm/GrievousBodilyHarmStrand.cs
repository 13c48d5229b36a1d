using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;

[assembly: StrandModule(typeof(SeriousViolence.Strands.GrievousBodilyHarm.GrievousBodilyHarmStrand))]

namespace SeriousViolence.Strands.GrievousBodilyHarm;

/// <summary>Strand 7 of the Serious Violence Strategy: Grievous Bodily Harm (GBH). Its one registration point.</summary>
public sealed class GrievousBodilyHarmStrand : StrandModule
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

    public override StrandDescriptor Descriptor => Strand;

    /// <summary>The strand's objectives from the strategy's action-plan table (Seed/objectives.vN.json).</summary>
    public override StrandSeed Seed { get; } = StrandSeed.FromEmbeddedFiles(typeof(GrievousBodilyHarmStrand).Assembly);

    /// <summary>
    /// The measures the strand owns (Seed/measures.json), its schema and its monthly GBH return, which feeds the
    /// detection-rate and SOP-compliance measures once a lead approves it.
    /// </summary>
    public override void Contribute(IStrandContributions strand)
    {
        ArgumentNullException.ThrowIfNull(strand);
        strand.MeasuresFrom(typeof(GrievousBodilyHarmStrand).Assembly);
        strand.Migrations(typeof(GrievousBodilyHarmStrand).Assembly);

        // Monthly returns.
        strand.MonthlyReturns<Returns.GbhDbContext>(Returns.GbhReturn.Definition);
        strand.PageSection<Pages.GbhReturnsSection>(10);
        strand.Navigation("Monthly GBH returns", Returns.GbhReturn.PagePath);
    }
}
