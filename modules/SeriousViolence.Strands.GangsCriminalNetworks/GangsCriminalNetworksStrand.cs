using Autofac;
using Microsoft.Extensions.Configuration;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;
using SeriousViolence.Strands.GangsCriminalNetworks.Networks;
using SeriousViolence.Strands.GangsCriminalNetworks.Pages;
using SeriousViolence.Strands.GangsCriminalNetworks.Sharing;

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

    public const string PagePath = "/strands/gangs-criminal-networks";

    public const string RegisterPath = "/strands/gangs-criminal-networks/register";

    public const string AgreementsPath = "/strands/gangs-criminal-networks/agreements";

    public const string ExportsPath = "/strands/gangs-criminal-networks/exports";

    public static string NetworkPath(string reference) => $"/strands/gangs-criminal-networks/networks/{reference}";

    public override StrandDescriptor Descriptor => Strand;

    /// <summary>The strand's objectives from the strategy's action-plan table (Seed/objectives.vN.json).</summary>
    public override StrandSeed Seed { get; } = StrandSeed.FromEmbeddedFiles(typeof(GangsCriminalNetworksStrand).Assembly);

    public override void Contribute(IStrandContributions strand)
    {
        ArgumentNullException.ThrowIfNull(strand);
        strand.Migrations(typeof(GangsCriminalNetworksStrand).Assembly);
        strand.DbContext<GangsDbContext>();
        strand.MeasuresFrom(typeof(GangsCriminalNetworksStrand).Assembly);
        strand.Capability(GangsAccess.ManageRegister);
        strand.Capability(GangsAccess.RemoveNetwork);
        strand.Capability(GangsAccess.ManageAgreements);
        strand.Capability(GangsAccess.ExportRegister);
        strand.Capability(GangsAccess.ViewPicture);
        strand.Job<RetentionJob>(RetentionJob.Name, "Flags networks past review, archives those not reviewed in time, deletes archived and removed networks after the retention period.", "0 30 2 * * ?");
        strand.PageSection<NetworksSection>(5);
        strand.Navigation("Networks register", RegisterPath);
        strand.Navigation("Sharing and exports", ExportsPath);
        strand.Api(GangsApi.Map);
    }

    protected override void Load(ContainerBuilder builder)
    {
        builder.Register(c => GangsSettings.From(c.Resolve<IConfiguration>())).SingleInstance();
        builder.RegisterType<GangsPublisher>().InstancePerLifetimeScope();
        builder.RegisterType<NetworkCommands>().InstancePerLifetimeScope();
        builder.RegisterType<GangsQueries>().InstancePerLifetimeScope();
        builder.RegisterType<SharingCommands>().InstancePerLifetimeScope();
    }
}
