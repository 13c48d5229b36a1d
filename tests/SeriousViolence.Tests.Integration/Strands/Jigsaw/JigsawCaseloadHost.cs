using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins.Returns;
using SeriousViolence.Strands.Jigsaw.Caseload;
using SeriousViolence.Strands.Jigsaw.Returns;
using SeriousViolence.Tests.Support;

namespace SeriousViolence.Tests.Integration.Strands.Jigsaw;

/// <summary>
/// One host for the tests of the Jigsaw strand's caseload, on real PostgreSQL; each test works in its own month so that
/// they share it without seeing each other (only the strand page's test uses the latest months).
/// </summary>
public sealed class JigsawCaseloadHost : Xunit.IAsyncLifetime
{
    public static readonly Actor Lead = Actor.ForStrands("jigsaw-lead", "DCS Jigsaw", "jigsaw");

    public static readonly Actor Owner = Actor.WithRoles("jigsaw-owner", "Jigsaw analyst", new RoleGrant(Role.ActionOwner, "jigsaw"));

    public const string Croydon = "E09000008";

    public const string Lambeth = "E09000022";

    public const string Hackney = "E09000012";

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

    /// <summary>A MAPPA return with these offenders per level, spread over the three categories; the other figures within the rules.</summary>
    public static ReturnForm Form(string month, string borough, int level1, int level2, int level3, string marking = "OFFICIAL", string reason = "")
    {
        var figures = MappaReturn.Definition.Fields.ToDictionary(f => f.Code, _ => 0, StringComparer.Ordinal);
        // Registered sexual offenders take the most; the other two categories share the rest of each level.
        foreach (var (level, count) in new[] { (1, level1), (2, level2), (3, level3) })
        {
            figures[$"vsoLevel{level}"] = count / 4;
            figures[$"odoLevel{level}"] = count / 8;
            figures[$"rsoLevel{level}"] = count - (count / 4) - (count / 8);
        }

        figures["riskAssessmentsInDate"] = level1 + level2 + level3;
        figures["visitsDue"] = 5;
        figures["visitsDone"] = 4;
        return new ReturnForm
        {
            Geography = borough, Month = month, Marking = marking, Reason = reason,
            Figures = figures.ToDictionary(f => f.Key, f => f.Value.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal),
        };
    }

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> act)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider);
    }

    public async Task<MonthlyReturn> PreparedAsync(ReturnForm form, long? version = null)
    {
        var result = await WithAsync(s => s.GetRequiredService<MonthlyReturns<JigsawDbContext>>().PrepareAsync(Owner, MappaReturn.Definition, form, version, CancellationToken.None));
        return result.Saved ?? throw new InvalidOperationException("not prepared: " + string.Join("; ", result.Errors.SelectMany(e => e.Value)) + result.Conflict);
    }

    public async Task<MonthlyReturn> ApprovedAsync(MonthlyReturn prepared)
    {
        var result = await WithAsync(s => s.GetRequiredService<MonthlyReturns<JigsawDbContext>>().ApproveAsync(Lead, MappaReturn.Definition, prepared.Id, prepared.Version, CancellationToken.None));
        return result.Saved ?? throw new InvalidOperationException("not approved: " + string.Join("; ", result.Errors.SelectMany(e => e.Value)) + result.Conflict);
    }

    public async Task<MonthlyReturn> ApprovedAsync(ReturnForm form) => await ApprovedAsync(await PreparedAsync(form));

    public Task<MappaCaseload> CaseloadAsync(string month) =>
        WithAsync(s => s.GetRequiredService<MappaCaseloadQueries>().ForMonthAsync(DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture), CancellationToken.None));
}

[Xunit.CollectionDefinition(Name)]
public sealed class JigsawCaseloadShared : Xunit.ICollectionFixture<JigsawCaseloadHost>
{
    public const string Name = "Jigsaw caseload host";
}
