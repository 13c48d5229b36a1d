using Autofac;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Strands.GangsCriminalNetworks;
using SeriousViolence.Strands.GangsCriminalNetworks.Networks;
using SeriousViolence.Strands.GangsCriminalNetworks.Sharing;
using SeriousViolence.Tests.Integration.Governance;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.Gangs;

/// <summary>
/// One host with the eight strategy strands and a clock the tests move, shared by the Gangs classes (a collection, so
/// they run one after another); each test works on its own networks and boroughs, and says which it counts.
/// </summary>
public sealed class GangsHostFixture : IAsyncLifetime
{
    public const string Strand = "gangs-criminal-networks";

    public static readonly Actor Lead = Actor.WithRoles("gangs-lead", "DCS Gangs", new RoleGrant(Role.StrandLead, Strand));

    public static readonly Actor Owner = Actor.WithRoles("gangs-owner", "DI Gangs Owner", new RoleGrant(Role.ActionOwner, Strand));

    public static readonly Actor HomicideLead = Actor.ForStrands("homicide-lead", "DCS Homicide", "homicide");

    public static readonly Actor BoardMember = Actor.WithRoles("board-member", "Board member", new RoleGrant(Role.BoardMember));

    public TestDatabase Db { get; private set; } = null!;

    public TestHost Host { get; private set; } = null!;

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync();
        Host = await StartAsync(Db, Clock);
    }

    public static Task<TestHost> StartAsync(TestDatabase db, ManualClock clock, IReadOnlyDictionary<string, string?>? settings = null) =>
        TestHost.StartAsync(db.ConnectionString, TestHost.StrategyStrands, settings, b =>
            b.Host.ConfigureContainer<ContainerBuilder>((_, c) => c.RegisterInstance(clock).As<TimeProvider>()));

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Db.DisposeAsync();
    }

    public static NetworkForm Network(string borough = "E09000022", string scores = "3", string type = "Gang", string note = "") => new()
    {
        NetworkType = type, Boroughs = [borough], LeadUnit = "Trident South", Note = note,
        Violence = scores, Weapons = scores, Drugs = scores, Exploitation = scores, CommunityImpact = scores,
    };

    public static DisruptionForm Disruption(DateOnly on, string type = "Arrest", string impact = "Major", string ripe = "Enforcement", string firearms = "0") =>
        new() { OccurredOn = on.ToString("yyyy-MM-dd"), DisruptionType = type, Impact = impact, Ripe = ripe, Firearms = firearms };

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<GangsResult<CriminalNetwork>> RecordAsync(Actor actor, NetworkForm form) =>
        WithAsync(s => s.GetRequiredService<NetworkCommands>().RecordAsync(actor, form, CancellationToken.None));

    public async Task<CriminalNetwork> RecordSavedAsync(NetworkForm form) => Saved(await RecordAsync(Lead, form));

    public Task<GangsResult<Disruption>> DisruptAsync(Actor actor, Guid network, DisruptionForm form) =>
        WithAsync(s => s.GetRequiredService<NetworkCommands>().RecordDisruptionAsync(actor, network, form, CancellationToken.None));

    public Task<GangsResult<CriminalNetwork>> ReassessAsync(Actor actor, Guid network, AssessmentForm form, long version) =>
        WithAsync(s => s.GetRequiredService<NetworkCommands>().ReassessAsync(actor, network, form, version, CancellationToken.None));

    public Task<GangsResult<SharingAgreement>> AgreeAsync(Actor actor, AgreementForm form) =>
        WithAsync(s => s.GetRequiredService<SharingCommands>().RecordAgreementAsync(actor, form, null, null, CancellationToken.None));

    public static T Saved<T>(GangsResult<T> result)
        where T : class =>
        result.Saved ?? throw new InvalidOperationException($"Not saved: {result.Conflict} {string.Join("; ", result.Errors.Select(e => e.Key + ": " + string.Join(" ", e.Value)))}");
}

[CollectionDefinition(Name)]
public sealed class GangsHostGroup : ICollectionFixture<GangsHostFixture>
{
    public const string Name = "Gangs strand host";
}
