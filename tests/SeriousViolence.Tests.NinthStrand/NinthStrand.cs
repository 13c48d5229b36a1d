using Autofac;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;
using SeriousViolence.Tests.NinthStrand.Pages;
using SeriousViolence.Tests.NinthStrand.Returns;

[assembly: StrandModule(typeof(SeriousViolence.Tests.NinthStrand.NinthStrand))]

namespace SeriousViolence.Tests.NinthStrand;

/// <summary>
/// A strand that exists only in the tests, built on the contribution surface alone: its own schema and register
/// (monthly aggregate returns), capability, page, navigation entry, page section, measure and observations, message and
/// consumer, Board highlight, scheduled job and HTTP API.
/// </summary>
public sealed class NinthStrand : StrandModule
{
    public static readonly StrandDescriptor Strand = new()
    {
        Id = "ninth-test",
        Number = 9,
        Name = "Knife Crime Test Strand",
        Operation = "Operation Test",
        LeadRole = "Detective Chief Superintendent, Test Command",
        Aim = ["To prove that a strand can be added without changing the host."],
        SuccessMeasures = ["The strand appears in navigation, serves its page and reaches the Board."],
    };

    public const string ReturnsPath = "/strands/ninth-test/returns";

    /// <summary>The measure the strand owns and feeds from its returns: the monthly count per borough, and London's sum.</summary>
    public static readonly MeasureDeclaration ReturnsMeasure = new()
    {
        Code = "ninth-test-returns",
        Name = "Test returns: monthly count",
        Description = "The count the test strand's monthly returns give, per borough, with London as the sum of the boroughs that made a return.",
        Unit = "count",
        Polarity = "neutral",
        Frequency = "monthly",
        Geographies = ["london", "borough"],
        DataSource = "The test strand's own returns (strand_ninth_test.test_returns)",
        Outcomes = [],
    };

    public override StrandDescriptor Descriptor => Strand;

    public override StrandSeed Seed { get; } = new(
    [
        new StrandSeedVersion
        {
            Version = 1,
            Strand = "ninth-test",
            Objectives =
            [
                new SeedObjective { Key = "ninth-test-001", Ripe = ["Prevention"], Years = [1], Text = "Run a knife-crime test objective in Year 1." },
                new SeedObjective { Key = "ninth-test-002", Ripe = ["Reassurance", "Enforcement"], Years = [1, 2], Text = "Reassure and enforce in both years." },
            ],
        },
    ]);

    public override void Contribute(IStrandContributions strand)
    {
        ArgumentNullException.ThrowIfNull(strand);
        strand.Migrations(typeof(NinthStrand).Assembly);
        strand.DbContext<NinthDbContext>();
        strand.Capability(TestReturnCommands.RecordReturn);
        strand.Message<TestReturnRecorded>();
        strand.Consumer<TestReturnRecordedConsumer>();
        strand.Job<ReturnsTallyJob>(ReturnsTallyJob.Name, "Counts the test strand's returns and the boroughs that made them.", "0 0 3 * * ?");
        strand.Measure(ReturnsMeasure);
        strand.PageSection<ReturnsSection>(100);
        strand.Navigation("Test returns", ReturnsPath);
        strand.Api(TestReturnsApi.Map);
    }

    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterType<NinthStrandGreeting>().SingleInstance();
        builder.RegisterType<TestReturnCommands>().InstancePerLifetimeScope();
        builder.RegisterType<TestReturnQueries>().InstancePerLifetimeScope();
    }
}

/// <summary>A service registered by the plugin's own Autofac module, injected into its page.</summary>
public sealed class NinthStrandGreeting
{
    public string Text { get; } = "Registered by the ninth strand's own Autofac module.";
}
