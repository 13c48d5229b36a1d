using Microsoft.AspNetCore.Components;
using SeriousViolence.Abstractions;
using SeriousViolence.Platform.Plugins;
using SeriousViolence.Platform.Startup;
using SeriousViolence.Platform.Strands;
using SeriousViolence.Plugins;
using Xunit;

namespace SeriousViolence.Tests.Unit;

/// <summary>What two strands both claim is a start-up error naming both; a bad declaration names the strand.</summary>
public sealed class PluginRegistryTests
{
    private static MeasureDeclaration Measure(string code) => new()
    {
        Code = code, Name = code, Description = "A test measure.", Unit = "count", Polarity = "neutral", Frequency = "monthly",
        Geographies = ["london"], DataSource = "test", Outcomes = [1],
    };

    private static PluginRegistry Collect(params IStrandModule[] modules) => PluginRegistry.Collect(new StrandCatalog(modules));

    [Fact]
    public void Two_strands_that_declare_the_same_measure_code_stop_start_up_naming_both()
    {
        var error = Assert.Throws<StartupException>(() => Collect(
            new TestStrand("alpha", 1, s => s.Measure(Measure("shared-code"))),
            new TestStrand("beta", 2, s => s.Measure(Measure("shared-code")))));

        Assert.Contains("'alpha' and 'beta' both declare the measure code 'shared-code'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_strands_serving_the_same_route_stop_start_up_naming_both()
    {
        // Both test strands live in this assembly, so they serve the same page: the clash the rule exists for.
        var error = Assert.Throws<StartupException>(() => Collect(new TestStrand("alpha", 1, _ => { }), new TestStrand("beta", 2, _ => { })));

        Assert.Contains("both declare the route '/strands/alpha/test-page'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_measure_declared_twice_by_one_strand_is_refused()
    {
        var error = Assert.Throws<StartupException>(() => Collect(new TestStrand("alpha", 1, s =>
        {
            s.Measure(Measure("twice"));
            s.Measure(Measure("twice"));
        })));

        Assert.Contains("Strand 'alpha' declares the measure code 'twice' twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_measure_with_an_unknown_unit_names_the_strand_and_the_measure()
    {
        var error = Assert.Throws<StartupException>(() => Collect(new TestStrand("alpha", 1, s => s.Measure(Measure("odd") with { Unit = "furlongs" }))));

        Assert.Contains("Strand 'alpha': measure 'odd' has unit 'furlongs'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_job_with_a_cron_expression_quartz_cannot_read_names_the_strand()
    {
        var error = Assert.Throws<StartupException>(() => Collect(new TestStrand("alpha", 1, s => s.Job<TestJob>("alpha-job", "A job.", "every day at noon"))));

        Assert.Contains("Strand 'alpha'", error.Message, StringComparison.Ordinal);
        Assert.Contains("alpha-job", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_navigation_entry_must_point_inside_the_strands_own_pages()
    {
        var error = Assert.Throws<StartupException>(() => Collect(new TestStrand("alpha", 1, s => s.Navigation("Elsewhere", "/admin/users"))));

        Assert.Contains("/strands/alpha", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_context_without_a_schema_of_its_own_is_refused()
    {
        var error = Assert.Throws<StartupException>(() => Collect(new TestStrand("alpha", 1, s => s.DbContext<TestContext>())));

        Assert.Contains("owns no schema", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void What_each_strand_declares_is_collected_with_its_owner()
    {
        var registry = Collect(new TestStrand("alpha", 1, s =>
        {
            s.Migrations(typeof(PluginRegistryTests).Assembly);
            s.Measure(Measure("alpha-count"));
            s.Message<TestMessage>();
            s.Capability(new StrandCapability("record-test", "record a test"));
        }));

        var measure = Assert.Single(registry.Measures);
        Assert.Equal(("alpha", "alpha-count"), (measure.OwnerStrandId, measure.Measure.Code));
        Assert.Equal(typeof(TestStrand).Assembly.GetName().Name, registry.ModuleOf("alpha"));
        Assert.Equal([typeof(TestMessage)], registry.MessageTypes);
        Assert.Equal("strand_alpha", registry.Strands[0].Schema);
        Assert.Null(registry.ModuleOf("beta"));
    }

    private sealed class TestStrand(string id, int number, Action<IStrandContributions> contribute) : StrandModule
    {
        public override StrandDescriptor Descriptor { get; } = new()
        {
            Id = id, Number = number, Name = id, Operation = "Test", LeadRole = "Test lead", Aim = ["To test."], SuccessMeasures = [],
        };

        public override StrandSeed Seed => StrandSeed.None;

        public override void Contribute(IStrandContributions strand) => contribute(strand);
    }

    private sealed class TestJob : IStrandJob
    {
        public Task<string> RunAsync(CancellationToken cancellationToken) => Task.FromResult("ran");
    }

    private sealed class TestContext(Microsoft.EntityFrameworkCore.DbContextOptions options) : StrandDbContext(options, new StrandDescriptor
    {
        Id = "alpha", Number = 1, Name = "alpha", Operation = "Test", LeadRole = "Test lead", Aim = ["To test."], SuccessMeasures = [],
    })
    {
        protected override void MapRecords(Microsoft.EntityFrameworkCore.ModelBuilder modelBuilder)
        {
        }
    }

    public sealed record TestMessage(string Text);
}

/// <summary>A page in this assembly, so that two test strands here serve the same route.</summary>
[Route("/strands/alpha/test-page")]
public sealed class RegistryTestPage : ComponentBase;
