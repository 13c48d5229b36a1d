using Autofac;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;
using SeriousViolence.Strands.ChildAbuse.CaseReviews;
using SeriousViolence.Strands.ChildAbuse.Pages;

[assembly: StrandModule(typeof(SeriousViolence.Strands.ChildAbuse.ChildAbuseStrand))]

namespace SeriousViolence.Strands.ChildAbuse;

/// <summary>Strand 8 of the Serious Violence Strategy: Child Abuse. Its one registration point.</summary>
public sealed class ChildAbuseStrand : StrandModule
{
    /// <summary>As the strategy (seeds/003) describes the strand; aim and success measures verbatim from its action-plan table.</summary>
    public static readonly StrandDescriptor Strand = new()
    {
        Id = "child-abuse",
        Number = 8,
        Name = "Child Abuse",
        Operation = "Child Abuse Investigation Command",
        LeadRole = "Detective Chief Superintendent Child Abuse Investigation Command",
        Aim =
        [
            "Increase community confidence to report child abuse:",
            "Support non government organisations (NGOs) in awareness campaigns",
            "Community engagement through NGOs",
            "Support Projects including Azure, Violet and Supplementary Schools",
            "Improve data quality and standards",
            "Maintain training",
            "Apply existing information:",
            "Work with partner agencies and NGOs",
            "Implement case review recommendations",
            "Identify vulnerable children and support the introduction of protective services",
            "Develop multi agency intelligence of children",
            "Progress projects",
            "Disseminate best practise",
            "Reduce the incidence of abuse:",
            "Bring offenders to justice",
            "Work with partnership agencies in the best interest of the child",
            "Utilise civil actions",
            "Continue policing the Internet",
            "Appropriate information sharing",
        ],
        SuccessMeasures =
        [
            "Increase reporting of child abuse and therefore intelligence",
            "Utilise intelligence to prevent abuse",
            "Effective outcomes for children",
        ],
    };

    /// <summary>The serious case review recommendations tracker's page.</summary>
    public const string CaseReviewsPath = "/strands/child-abuse/case-reviews";

    public override StrandDescriptor Descriptor => Strand;

    /// <summary>The strand's objectives from the strategy's action-plan table (Seed/objectives.vN.json).</summary>
    public override StrandSeed Seed { get; } = StrandSeed.FromEmbeddedFiles(typeof(ChildAbuseStrand).Assembly);

    /// <summary>The measures the strand owns (Seed/measures.json), and its registers.</summary>
    public override void Contribute(IStrandContributions strand)
    {
        ArgumentNullException.ThrowIfNull(strand);
        strand.MeasuresFrom(typeof(ChildAbuseStrand).Assembly);
        // The strand's own schema and records (every register of the strand shares them).
        strand.Migrations(typeof(ChildAbuseStrand).Assembly);
        strand.DbContext<ChildAbuseDbContext>();
        ContributeCaseReviews(strand);

        // The command's monthly return: approved by a lead, it feeds the strand's measures and its Board highlight.
        strand.MonthlyReturns<ChildAbuseDbContext>(Returns.CaseloadReturn.Definition);
        strand.PageSection<Pages.CaseloadReturnSection>(10);
        strand.Navigation("Monthly returns", Returns.CaseloadReturn.PagePath);
    }

    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterType<RecommendationCommands>().InstancePerLifetimeScope();
        builder.RegisterType<RecommendationQueries>().InstancePerLifetimeScope();
    }

    /// <summary>The serious case review recommendations tracker (issue 12, item 4): kept apart so other registers merge beside it.</summary>
    private static void ContributeCaseReviews(IStrandContributions strand)
    {
        strand.Capability(RecommendationCommands.KeepRecommendations);
        strand.Capability(RecommendationCommands.CloseRecommendation);
        strand.Job<OverdueRecommendationsJob>(OverdueRecommendationsJob.Name,
            "Re-reads the case review recommendations against today's date and republishes the Board highlight (and its agenda item) when one falls overdue.",
            "0 10 0 * * ?");
        strand.PageSection<CaseReviewsSection>(50);
        strand.Navigation("Case review recommendations", CaseReviewsPath);
        strand.Api(RecommendationsApi.Map);
    }
}
