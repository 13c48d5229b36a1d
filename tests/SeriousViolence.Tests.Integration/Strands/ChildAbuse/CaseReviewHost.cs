using Autofac;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Strands.ChildAbuse.CaseReviews;
using SeriousViolence.Tests.Integration.Governance;
using SeriousViolence.Tests.Support;

namespace SeriousViolence.Tests.Integration.Strands.ChildAbuse;

/// <summary>What the tracker's tests share: the strategy's strands on a host whose clock the test moves, the people, the command.</summary>
internal static class CaseReviewHost
{
    public static readonly Actor Lead = Actor.ForStrands("ca-lead", "DCS Child Abuse", "child-abuse");

    public static readonly Actor Owner = Actor.WithRoles("ca-owner", "DI CAIC Partnership", new RoleGrant(Role.ActionOwner, "child-abuse"));

    public static readonly Actor HomicideLead = Actor.ForStrands("homicide-lead", "DCS Homicide", "homicide");

    /// <summary>1 December 2026: in 2026/27 Q3, which ends on 31 December.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    public static async Task<TestHost> StartAsync(TestDatabase db, ManualClock clock) =>
        await TestHost.StartAsync(db.ConnectionString, configure: b =>
            b.Host.ConfigureContainer<ContainerBuilder>((_, c) => c.RegisterInstance(clock).As<TimeProvider>()));

    public static RecommendationForm Form(
        string review = "SCR 2025/07", string text = "Share strategy discussion minutes with the school within 24 hours.", string owner = "CAIC Partnership Team",
        string due = "2026/27 Q3", string status = "Open", string evidence = "", string marking = "OFFICIAL") =>
        new() { SourceReview = review, RecommendationText = text, Owner = owner, DueQuarter = due, Status = status, Evidence = evidence, Marking = marking };

    public static async Task<RecommendationResult> SaveAsync(TestHost host, Actor actor, RecommendationForm form, Guid? id = null, long? version = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecommendationCommands>().SaveAsync(actor, form, id, version, CancellationToken.None);
    }

    public static async Task<Recommendation> SavedAsync(TestHost host, Actor actor, RecommendationForm form, Guid? id = null, long? version = null)
    {
        var result = await SaveAsync(host, actor, form, id, version);
        return result.Saved ?? throw new InvalidOperationException($"Not saved: {result.Conflict} {string.Join("; ", result.Errors.SelectMany(e => e.Value))}");
    }
}

/// <summary>One host for the tracker's tests that do not depend on the whole tracker's figures (each uses its own review reference).</summary>
public sealed class CaseReviewHostFixture : Xunit.IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;

    public TestHost Host { get; private set; } = null!;

    public ManualClock Clock { get; } = new(CaseReviewHost.Start);

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync();
        Host = await CaseReviewHost.StartAsync(Db, Clock);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Db.DisposeAsync();
    }

    public Task<long> CountAsync(string where = "true") =>
        Db.ScalarAsync<long>($"SELECT count(*) FROM strand_child_abuse.case_review_recommendations WHERE {where}");
}
