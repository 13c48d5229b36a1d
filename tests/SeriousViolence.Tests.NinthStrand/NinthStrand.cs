using Autofac;
using SeriousViolence.Abstractions;

[assembly: StrandModule(typeof(SeriousViolence.Tests.NinthStrand.NinthStrand))]

namespace SeriousViolence.Tests.NinthStrand;

public sealed class NinthStrand : Module, IStrandModule
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

    public StrandDescriptor Descriptor => Strand;

    public StrandSeed Seed { get; } = new(
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

    protected override void Load(ContainerBuilder builder) => builder.RegisterType<NinthStrandGreeting>().SingleInstance();
}

/// <summary>A service registered by the plugin's own Autofac module, injected into its page.</summary>
public sealed class NinthStrandGreeting
{
    public string Text { get; } = "Registered by the ninth strand's own Autofac module.";
}
