using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;

[assembly: StrandModule(typeof(SeriousViolence.Strands.Sapphire.SapphireStrand))]

namespace SeriousViolence.Strands.Sapphire;

/// <summary>Strand 2 of the Serious Violence Strategy: Rape and Serious Sexual Offences (Sapphire). Its one registration point.</summary>
public sealed class SapphireStrand : StrandModule
{
    /// <summary>As the strategy (seeds/003) describes the strand; aim and success measures verbatim from its action-plan table.</summary>
    public static readonly StrandDescriptor Strand = new()
    {
        Id = "sapphire",
        Number = 2,
        Name = "Rape and Serious Sexual Offences (Sapphire)",
        Operation = "Operation Sapphire",
        LeadRole = "Detective Chief Superintendent Violent Crime Directorate",
        Aim =
        [
            "Improving victim care and the investigation of rape by: -",
            "Continuing to develop and improve the service delivered to victims of serious sexual offences working with LCJB and other stakeholders.",
        ],
        SuccessMeasures =
        [
            "Encourage the reporting of serious sexual offences and increasing the conviction rate for rape",
        ],
    };

    public override StrandDescriptor Descriptor => Strand;

    /// <summary>The strand's objectives from the strategy's action-plan table (Seed/objectives.vN.json).</summary>
    public override StrandSeed Seed { get; } = StrandSeed.FromEmbeddedFiles(typeof(SapphireStrand).Assembly);

    /// <summary>The measures the strand owns (Seed/measures.json): Performance stores and charts them.</summary>
    public override void Contribute(IStrandContributions strand)
    {
        ArgumentNullException.ThrowIfNull(strand);
        strand.MeasuresFrom(typeof(SapphireStrand).Assembly);
        strand.Migrations(typeof(SapphireStrand).Assembly);

        // Monthly returns: approved by a lead, they feed the strand's measures and its Board highlight.
        strand.MonthlyReturns<Returns.SapphireDbContext>(Returns.SapphireReturn.Definition);
        strand.PageSection<Pages.SapphireReturnSection>(10);
        strand.Navigation("Monthly Sapphire returns", Returns.SapphireReturn.PagePath);
    }
}
