using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins.Returns;
using SeriousViolence.Strands.SeriousYouthViolence.DiversionSchemes;
using SeriousViolence.Strands.SeriousYouthViolence.Returns;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.SeriousYouthViolence;

/// <summary>
/// One host for the strand's two monthly returns (the under-20 return and the Operation Blunt activity log), on real
/// PostgreSQL and a RabbitMQ virtual host of its own; each test works in its own month so that they share it.
/// </summary>
public sealed class SyvReturnsHost : IAsyncLifetime
{
    public static readonly Actor Lead = Actor.ForStrands("syv-lead", "DCS Violent Crime", "serious-youth-violence");

    public static readonly Actor Owner = Actor.WithRoles("syv-owner", "SYV analyst", new RoleGrant(Role.ActionOwner, "serious-youth-violence"));

    public static readonly Actor GbhLead = Actor.ForStrands("gbh-lead", "DCS GBH", "gbh");

    public const string Southwark = "E09000028";

    public const string Lambeth = "E09000022";

    private TestBroker? _broker;

    public TestDatabase Db { get; private set; } = null!;

    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync();
        _broker = await TestBroker.CreateAsync();
        Host = await TestHost.StartAsync(Db.ConnectionString, settings: _broker.Settings);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _broker!.DisposeAsync();
        await Db.DisposeAsync();
    }

    /// <summary>An under-20 return: victims then accused, each murder, attempted murder, GBH, other weapon-enabled violence.</summary>
    public static ReturnForm Under20(string month, string borough = Southwark, int[]? victims = null, int[]? accused = null, string reason = "")
    {
        var v = victims ?? [1, 2, 5, 9];
        var a = accused ?? [0, 1, 4, 7];
        return Form(month, borough, reason,
            ("victimsMurder", v[0]), ("victimsAttemptedMurder", v[1]), ("victimsGbh", v[2]), ("victimsWeaponEnabled", v[3]),
            ("accusedMurder", a[0]), ("accusedAttemptedMurder", a[1]), ("accusedGbh", a[2]), ("accusedWeaponEnabled", a[3]));
    }

    public static ReturnForm Blunt(string month, string borough = Southwark, int weapons = 12, int knives = 9) =>
        Form(month, borough, "", ("weaponSweeps", 6), ("knifeArches", 2), ("testPurchases", 4), ("s60Searches", 31), ("weaponsRecovered", weapons), ("knivesRecovered", knives));

    private static ReturnForm Form(string month, string borough, string reason, params (string Code, int Value)[] figures) => new()
    {
        Geography = borough, Month = month, Reason = reason,
        Figures = figures.ToDictionary(f => f.Code, f => f.Value.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal),
    };

    public async Task<ReturnResult> PrepareAsync(Actor actor, ReturnDefinition definition, ReturnForm form, long? version = null)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MonthlyReturns<SeriousYouthViolenceDbContext>>().PrepareAsync(actor, definition, form, version, CancellationToken.None);
    }

    public async Task<ReturnResult> ApproveAsync(Actor actor, ReturnDefinition definition, MonthlyReturn r)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MonthlyReturns<SeriousYouthViolenceDbContext>>().ApproveAsync(actor, definition, r.Id, r.Version, CancellationToken.None);
    }

    /// <summary>Prepared by the analyst and approved by the lead: the usual path of a return that counts.</summary>
    public async Task<MonthlyReturn> ApprovedAsync(ReturnDefinition definition, ReturnForm form)
    {
        var prepared = await PrepareAsync(Owner, definition, form);
        var saved = prepared.Saved ?? throw new InvalidOperationException("not prepared: " + string.Join("; ", prepared.Errors.SelectMany(e => e.Value)) + prepared.Conflict);
        var approved = await ApproveAsync(Lead, definition, saved);
        return approved.Saved ?? throw new InvalidOperationException("not approved: " + string.Join("; ", approved.Errors.SelectMany(e => e.Value)) + approved.Conflict);
    }

    /// <summary>A measure's observations for a month, "geography|value|revision" by geography.</summary>
    public Task<List<string>> ObservationsAsync(string measure, string month) =>
        Db.ColumnAsync($"SELECT geography || '|' || value::int || '|' || revision FROM performance.observations WHERE measure_code = '{measure}' AND period_start = '{month}-01' ORDER BY geography");

    public Task<long> ReturnsAsync(string month, string key) =>
        Db.ScalarAsync<long>($"SELECT count(*) FROM strand_serious_youth_violence.monthly_returns WHERE month = '{month}-01' AND return_key = '{key}'");
}

[CollectionDefinition(Name)]
public sealed class SyvReturnsShared : ICollectionFixture<SyvReturnsHost>
{
    public const string Name = "Serious Youth Violence returns";
}
