using Autofac;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;

[assembly: StrandModule(typeof(SeriousViolence.Strands.Jigsaw.JigsawStrand))]

namespace SeriousViolence.Strands.Jigsaw;

/// <summary>Strand 1 of the Serious Violence Strategy: Sex Offender Management (Jigsaw). Its one registration point.</summary>
public sealed class JigsawStrand : StrandModule
{
    /// <summary>As the strategy (seeds/003) describes the strand; aim and success measures verbatim from its action-plan table.</summary>
    public static readonly StrandDescriptor Strand = new()
    {
        Id = "jigsaw",
        Number = 1,
        Name = "Sex Offender Management (Jigsaw)",
        Operation = "Operation Jigsaw (MAPPA)",
        LeadRole = "Detective Chief Superintendent Violent Crime Directorate",
        Aim =
        [
            "To reduce the risk level posed by MAPPA offenders in London's Communities by;",
            "Delivering support, co-ordination and professionalism in the field of Multi-Agency Public Protection activity with partner agencies.",
            "Ensuring the MPS is compliant with its statutory requirements detailed within the Sexual Offences and Criminal Justice Acts 2003.",
        ],
        SuccessMeasures =
        [
            "Management of the level of risk posed to London's Communities by MAPPA offenders.",
        ],
    };

    public override StrandDescriptor Descriptor => Strand;

    /// <summary>The strand's objectives from the strategy's action-plan table (Seed/objectives.vN.json).</summary>
    public override StrandSeed Seed { get; } = StrandSeed.FromEmbeddedFiles(typeof(JigsawStrand).Assembly);

    /// <summary>The measures the strand owns (Seed/measures.json): Performance stores and charts them.</summary>
    public override void Contribute(IStrandContributions strand)
    {
        ArgumentNullException.ThrowIfNull(strand);
        strand.MeasuresFrom(typeof(JigsawStrand).Assembly);
        strand.Migrations(typeof(JigsawStrand).Assembly);

        // Monthly returns: approved by a lead, they feed the strand's measures and its Board highlight.
        strand.MonthlyReturns<Returns.JigsawDbContext>(Returns.MappaReturn.Definition);
        // With the caseload by level and borough from the approved returns (issue 12, item 1) under the return's summary.
        strand.PageSection<Pages.MappaReturnSection>(10);
        strand.Navigation("Monthly MAPPA returns", Returns.MappaReturn.PagePath);
    }

    protected override void Load(ContainerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.RegisterType<Caseload.MappaCaseloadQueries>().InstancePerLifetimeScope();
    }
}
