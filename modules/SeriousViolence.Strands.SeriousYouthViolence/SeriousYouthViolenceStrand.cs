using Autofac;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;
using SeriousViolence.Strands.SeriousYouthViolence.DiversionSchemes;
using SeriousViolence.Strands.SeriousYouthViolence.Pages;
using SeriousViolence.Strands.SeriousYouthViolence.Returns;

[assembly: StrandModule(typeof(SeriousViolence.Strands.SeriousYouthViolence.SeriousYouthViolenceStrand))]

namespace SeriousViolence.Strands.SeriousYouthViolence;

/// <summary>Strand 4 of the Serious Violence Strategy: Serious Youth Violence. Its one registration point.</summary>
public sealed class SeriousYouthViolenceStrand : StrandModule
{
    /// <summary>As the strategy (seeds/003) describes the strand; aim and success measures verbatim from its action-plan table.</summary>
    public static readonly StrandDescriptor Strand = new()
    {
        Id = "serious-youth-violence",
        Number = 4,
        Name = "Serious Youth Violence",
        Operation = "Operation Curb; Operation Blunt (knife crime)",
        LeadRole = "Detective Chief Superintendent Violent Crime Directorate",
        Aim =
        [
            "To tackle serious youth violence and reduce the risk of young people becoming victims and/or offenders",
            "The MPS recognises the need to actively tackle Serious Violent Crime and address the risk to young people becoming victims of such crime or being drawn into violent crime offending.",
            "To reduce the level, the fear and the harm of knife-enabled offences in London's communities by:",
            "Developing multi-agency intelligence processes to inform prevention and enforcement interventions.",
            "Identifying and sharing good practice, maximising the effectiveness of resources available",
            "Enhancing community & victim engagement and reassurance",
        ],
        SuccessMeasures =
        [
            "Less violent crime committed on young people",
            "Op Blunt: Reduction in the volume and level of harm to London's communities associated with knife-enabled crime",
        ],
    };

    /// <summary>The youth diversion and engagement schemes register's page.</summary>
    public const string DiversionSchemesPath = "/strands/serious-youth-violence/diversion-schemes";

    public override StrandDescriptor Descriptor => Strand;

    /// <summary>The strand's objectives from the strategy's action-plan table (Seed/objectives.vN.json).</summary>
    public override StrandSeed Seed { get; } = StrandSeed.FromEmbeddedFiles(typeof(SeriousYouthViolenceStrand).Assembly);

    /// <summary>The measures the strand owns (Seed/measures.json), and its registers.</summary>
    public override void Contribute(IStrandContributions strand)
    {
        ArgumentNullException.ThrowIfNull(strand);
        strand.MeasuresFrom(typeof(SeriousYouthViolenceStrand).Assembly);
        // The strand's own schema and records (every register of the strand shares them).
        strand.Migrations(typeof(SeriousYouthViolenceStrand).Assembly);
        strand.DbContext<SeriousYouthViolenceDbContext>();
        ContributeDiversionSchemes(strand);
        ContributeReturns(strand);
    }

    /// <summary>
    /// The strand's two monthly returns on the kit (issue 13, item 2): approved by a lead, the under-20 return feeds the
    /// under-20 victims and accused measures and the activity log the weapons recovered, each with its Board highlight.
    /// </summary>
    private static void ContributeReturns(IStrandContributions strand)
    {
        strand.MonthlyReturns<SeriousYouthViolenceDbContext>(Under20Return.Definition);
        strand.PageSection<Under20ReturnsSection>(10);
        strand.Navigation("Under-20 returns", Under20Return.PagePath);
        strand.MonthlyReturns<SeriousYouthViolenceDbContext>(OperationBluntReturn.Definition);
        strand.PageSection<OperationBluntSection>(20);
        strand.Navigation("Operation Blunt activity", OperationBluntReturn.PagePath);
    }

    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterType<SchemeCommands>().InstancePerLifetimeScope();
        builder.RegisterType<SchemeQueries>().InstancePerLifetimeScope();
    }

    /// <summary>The youth diversion and engagement schemes register (issue 13, item 2): kept apart so other registers merge beside it.</summary>
    private static void ContributeDiversionSchemes(IStrandContributions strand)
    {
        strand.Capability(SchemeCommands.KeepSchemes);
        strand.PageSection<DiversionSchemesSection>(50);
        strand.Navigation("Youth diversion schemes", DiversionSchemesPath);
        strand.Api(SchemesApi.Map);
    }
}
