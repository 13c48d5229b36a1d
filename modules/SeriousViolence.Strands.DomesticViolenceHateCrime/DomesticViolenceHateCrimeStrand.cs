using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;

[assembly: StrandModule(typeof(SeriousViolence.Strands.DomesticViolenceHateCrime.DomesticViolenceHateCrimeStrand))]

namespace SeriousViolence.Strands.DomesticViolenceHateCrime;

/// <summary>Strand 3 of the Serious Violence Strategy: Domestic Violence and Hate Crime. Its one registration point.</summary>
public sealed class DomesticViolenceHateCrimeStrand : StrandModule
{
    /// <summary>As the strategy (seeds/003) describes the strand; aim and success measures verbatim from its action-plan table.</summary>
    public static readonly StrandDescriptor Strand = new()
    {
        Id = "dv-hate-crime",
        Number = 3,
        Name = "Domestic Violence and Hate Crime",
        Operation = "Community Safety Units",
        LeadRole = "Detective Chief Superintendent Violent Crime Directorate",
        Aim =
        [
            "Hold Perpetrators of Domestic Violence and Hate Crime to Account",
            "Reduce the instances of Domestic Violence and Hate Crime against victims",
            "Ensure victims of Domestic Violence and Hate Crime receive the best possible service through partnership working",
            "Ensure safety of victims and their children",
            "Ensure minority communities are appropriately protected from Hate Crime",
            "Ensure a consistent level of service across all communities and minimise any disproportionality issues",
            "Continue to build trust and confidence with all communities to report incidents to police.",
        ],
        SuccessMeasures =
        [
            "Volume of the reporting of Domestic Violence & Hate Crime.",
            "Sanction Detection Rates",
            "Charging Level Rates",
            "Domestic Violence Arrest Rate (SPI8a)",
            "Reduction in repeat victimisation levels",
            "Reduction in serious offences levels",
            "Reduction in homicide Levels",
            "Offenders Brought To Justice for Domestic Violence and Hate Crime",
        ],
    };

    public override StrandDescriptor Descriptor => Strand;

    /// <summary>The strand's objectives from the strategy's action-plan table (Seed/objectives.vN.json).</summary>
    public override StrandSeed Seed { get; } = StrandSeed.FromEmbeddedFiles(typeof(DomesticViolenceHateCrimeStrand).Assembly);

    /// <summary>The measures the strand owns (Seed/measures.json): Performance stores and charts them.</summary>
    public override void Contribute(IStrandContributions strand)
    {
        ArgumentNullException.ThrowIfNull(strand);
        strand.MeasuresFrom(typeof(DomesticViolenceHateCrimeStrand).Assembly);
        strand.Migrations(typeof(DomesticViolenceHateCrimeStrand).Assembly);

        // Monthly returns: approved by a lead, they feed the strand's measures and its Board highlight.
        strand.MonthlyReturns<Returns.CsuDbContext>(Returns.CsuReturn.Definition);
        strand.PageSection<Pages.CsuReturnSection>(10);
        strand.Navigation("Monthly CSU returns", Returns.CsuReturn.PagePath);
    }
}
