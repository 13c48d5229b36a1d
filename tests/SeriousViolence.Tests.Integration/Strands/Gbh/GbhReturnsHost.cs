using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins.Returns;
using SeriousViolence.Strands.GrievousBodilyHarm.Returns;
using SeriousViolence.Tests.Support;

namespace SeriousViolence.Tests.Integration.Strands.Gbh;

/// <summary>
/// One host for the GBH return's tests, on real PostgreSQL and a RabbitMQ virtual host of its own; each test works in
/// its own month so that they share it without seeing each other.
/// </summary>
public sealed class GbhReturnsHost : Xunit.IAsyncLifetime
{
    public static readonly Actor Lead = Actor.ForStrands("gbh-lead", "DCS GBH", "gbh");

    public static readonly Actor SecondLead = Actor.ForStrands("gbh-lead-2", "DSupt GBH", "gbh");

    public static readonly Actor Owner = Actor.WithRoles("gbh-owner", "GBH analyst", new RoleGrant(Role.ActionOwner, "gbh"));

    public static readonly Actor HomicideLead = Actor.ForStrands("homicide-lead", "DCS Homicide", "homicide");

    public const string Croydon = "E09000008";

    public const string Lambeth = "E09000022";

    public static ReturnDefinition Definition => GbhReturn.Definition;

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

    public static ReturnForm Form(string month, string borough = Croydon, int offences = 40, int detections = 10, int reviewed = 8, int compliant = 6, int actions = 3, string marking = "OFFICIAL", string reason = "") => new()
    {
        Geography = borough, Month = month, Marking = marking, Reason = reason,
        Figures = new(StringComparer.Ordinal)
        {
            ["gbhOffences"] = offences.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["gbhDetections"] = detections.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["investigationsReviewed"] = reviewed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sopCompliant"] = compliant.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["actionsRaised"] = actions.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    public async Task<T> WithAsync<T>(Func<MonthlyReturns<GbhDbContext>, Task<T>> act)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<MonthlyReturns<GbhDbContext>>());
    }

    public Task<ReturnResult> PrepareAsync(Actor actor, ReturnForm form, long? version = null) =>
        WithAsync(r => r.PrepareAsync(actor, Definition, form, version, CancellationToken.None));

    public Task<ReturnResult> ApproveAsync(Actor actor, MonthlyReturn r) =>
        WithAsync(s => s.ApproveAsync(actor, Definition, r.Id, r.Version, CancellationToken.None));

    /// <summary>Prepared by the analyst and approved by the lead: the usual path of a return that counts.</summary>
    public async Task<MonthlyReturn> ApprovedAsync(ReturnForm form)
    {
        var prepared = await PrepareAsync(Owner, form);
        var saved = prepared.Saved ?? throw new InvalidOperationException("not prepared: " + string.Join("; ", prepared.Errors.SelectMany(e => e.Value)) + prepared.Conflict);
        var approved = await ApproveAsync(Lead, saved);
        return approved.Saved ?? throw new InvalidOperationException("not approved: " + string.Join("; ", approved.Errors.SelectMany(e => e.Value)) + approved.Conflict);
    }

    public Task<List<string>> ObservationsAsync(string measure, string month) =>
        Db.ColumnAsync($"SELECT geography || '|' || value::numeric(10,1) || '|' || numerator::int || '/' || denominator::int || '|' || revision FROM performance.observations WHERE measure_code = '{measure}' AND period_start = '{month}-01' ORDER BY geography");
}
