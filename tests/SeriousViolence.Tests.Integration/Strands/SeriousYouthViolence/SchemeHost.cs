using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Strands.SeriousYouthViolence.DiversionSchemes;
using SeriousViolence.Tests.Support;

namespace SeriousViolence.Tests.Integration.Strands.SeriousYouthViolence;

/// <summary>What the register's tests share: its people and its command.</summary>
internal static class SchemeHost
{
    public static readonly Actor Lead = Actor.ForStrands("syv-lead", "DCS Violent Crime", "serious-youth-violence");

    public static readonly Actor Owner = Actor.WithRoles("syv-owner", "PS Youth Engagement", new RoleGrant(Role.ActionOwner, "serious-youth-violence"));

    public static readonly Actor HomicideLead = Actor.ForStrands("homicide-lead", "DCS Homicide", "homicide");

    public const string Lambeth = "E09000022";

    public static SchemeForm Form(
        string name = "Lambeth Safe Spaces", string borough = Lambeth, string partner = "Lambeth Youth Service", string from = "10", string to = "17",
        string status = "Active", string? reviewed = null, string marking = "OFFICIAL") =>
        new()
        {
            Name = name, Borough = borough, Partner = partner, AgeFrom = from, AgeTo = to, Status = status, Marking = marking,
            LastReviewed = reviewed ?? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };

    public static async Task<SchemeResult> SaveAsync(TestHost host, Actor actor, SchemeForm form, Guid? id = null, long? version = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SchemeCommands>().SaveAsync(actor, form, id, version, CancellationToken.None);
    }

    public static async Task<DiversionScheme> SavedAsync(TestHost host, Actor actor, SchemeForm form, Guid? id = null, long? version = null)
    {
        var result = await SaveAsync(host, actor, form, id, version);
        return result.Saved ?? throw new InvalidOperationException($"Not saved: {result.Conflict} {string.Join("; ", result.Errors.SelectMany(e => e.Value))}");
    }
}

/// <summary>One host for the register's tests (each uses its own scheme names and boroughs).</summary>
public sealed class SchemeHostFixture : Xunit.IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;

    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync();
        Host = await TestHost.StartAsync(Db.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Db.DisposeAsync();
    }

    public Task<long> CountAsync(string where = "true") =>
        Db.ScalarAsync<long>($"SELECT count(*) FROM strand_serious_youth_violence.diversion_schemes WHERE {where}");
}
