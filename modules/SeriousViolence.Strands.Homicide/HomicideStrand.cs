using Autofac;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;
using SeriousViolence.Strands.Homicide.Api;
using SeriousViolence.Strands.Homicide.Fiu;
using SeriousViolence.Strands.Homicide.Importing;
using SeriousViolence.Strands.Homicide.Investigations;
using SeriousViolence.Strands.Homicide.Pages;
using SeriousViolence.Strands.Homicide.Partnerships;
using SeriousViolence.Strands.Homicide.Records;

[assembly: StrandModule(typeof(SeriousViolence.Strands.Homicide.HomicideStrand))]

namespace SeriousViolence.Strands.Homicide;

/// <summary>Strand 6 of the Serious Violence Strategy: Homicide. Its one registration point.</summary>
public sealed class HomicideStrand : StrandModule
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

    public override StrandDescriptor Descriptor => Strand;

    /// <summary>The strand's objectives from the strategy's action-plan table (Seed/objectives.vN.json).</summary>
    public override StrandSeed Seed { get; } = StrandSeed.FromEmbeddedFiles(typeof(HomicideStrand).Assembly);

    /// <summary>
    /// The measures the strand owns (Seed/measures.json), which Performance stores and charts; the importer of the
    /// homicide victims file, which feeds two of them; and the strand's own registers (investigations, FIU requests,
    /// partnership projects), which feed the others, with their pages, API, deadline job and Board highlights.
    /// </summary>
    public override void Contribute(IStrandContributions strand)
    {
        ArgumentNullException.ThrowIfNull(strand);
        strand.MeasuresFrom(typeof(HomicideStrand).Assembly);
        strand.Importer<HomicideVictimsImporter>();
        strand.Migrations(typeof(HomicideStrand).Assembly);
        strand.DbContext<HomicideDbContext>();
        strand.Capability(InvestigationCommands.RecordInvestigation);
        strand.Capability(FiuRequestCommands.RecordFiuRequest);
        strand.Capability(PartnershipProjectCommands.RecordProject);
        strand.Job<FiuDeadlineJob>(FiuDeadlineJob.Name, FiuDeadlineJob.Description, FiuDeadlineJob.Cron);
        strand.PageSection<HomicideRegistersSection>(10);
        strand.Navigation("Investigations", HomicideFigures.InvestigationsPath);
        strand.Navigation("FIU requests", HomicideFigures.FiuPath);
        strand.Navigation("Partnership projects", HomicideFigures.ProjectsPath);
        strand.Api(HomicideApi.Map);
    }

    protected override void Load(ContainerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.RegisterType<HomicideFigures>().InstancePerLifetimeScope();
        builder.RegisterType<HomicideQueries>().InstancePerLifetimeScope();
        builder.RegisterType<InvestigationCommands>().InstancePerLifetimeScope();
        builder.RegisterType<FiuRequestCommands>().InstancePerLifetimeScope();
        builder.RegisterType<PartnershipProjectCommands>().InstancePerLifetimeScope();
    }
}
