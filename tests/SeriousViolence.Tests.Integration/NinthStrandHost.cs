using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Tests.NinthStrand.Returns;
using SeriousViolence.Tests.Support;

namespace SeriousViolence.Tests.Integration;

/// <summary>What the ninth strand's tests share: the host with the strand enabled, its people, and its command.</summary>
internal static class NinthStrandHost
{
    public static readonly Actor Lead = Actor.ForStrands("ninth-lead", "DCS Ninth Test", "ninth-test");

    public static readonly Actor HomicideLead = Actor.ForStrands("homicide-lead", "DCS Homicide", "homicide");

    public static readonly string[] Strands = [.. TestHost.StrategyStrands, TestHost.NinthStrand];

    /// <summary>Croydon, in a month that has ended.</summary>
    public const string Croydon = "E09000008";

    public const string Lambeth = "E09000022";

    public const string Month = "2026-10";

    public static Task<TestHost> StartAsync(TestDatabase db, IReadOnlyDictionary<string, string?>? settings = null) =>
        TestHost.StartAsync(db.ConnectionString, Strands, settings);

    public static TestReturnForm Form(string borough = Croydon, string month = Month, string count = "12", string preparedBy = "Croydon BCU analysts", string marking = "OFFICIAL") =>
        new() { Borough = borough, Month = month, Count = count, PreparedBy = preparedBy, Marking = marking };

    public static async Task<TestReturnResult> RecordAsync(TestHost host, Actor actor, TestReturnForm form, long? expectedVersion = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TestReturnCommands>().RecordAsync(actor, form, expectedVersion, CancellationToken.None);
    }

    /// <summary>Records and insists it was saved (for tests about what follows a save).</summary>
    public static async Task<TestReturn> RecordSavedAsync(TestHost host, Actor actor, TestReturnForm form, long? expectedVersion = null)
    {
        var result = await RecordAsync(host, actor, form, expectedVersion);
        return result.Saved ?? throw new InvalidOperationException($"The return was not saved: {result.Conflict} {string.Join("; ", result.Errors.SelectMany(e => e.Value))}");
    }
}

/// <summary>One host with the ninth strand for a class whose tests write nothing (each asserts so).</summary>
public sealed class NinthStrandHostFixture : Xunit.IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;

    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync();
        Host = await NinthStrandHost.StartAsync(Db);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Db.DisposeAsync();
    }
}
