using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Tests.NinthStrand.Returns;
using SeriousViolence.Tests.Support;

namespace SeriousViolence.Tests.EndToEnd;

/// <summary>What the ninth strand's browser tests share: the host with the strand, its lead, returns made through its command.</summary>
internal static class NinthStrandVisits
{
    public static readonly string[] Strands = [.. TestHost.StrategyStrands, TestHost.NinthStrand];

    public static Task<TestHost> StartAsync(TestDatabase db) => TestHost.StartAsync(db.ConnectionString, Strands);

    public static Task<TestUser> LeadAsync(TestHost host) =>
        host.CreateUserAsync("ninth.lead@test.invalid", "DCS Ninth Test", new RoleGrant(Role.StrandLead, "ninth-test"));

    /// <summary>Returns entered through the strand's own command, as the lead (for tests about what the others show).</summary>
    public static async Task RecordAsync(TestHost host, TestUser lead, string borough, string month, int count)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TestReturnCommands>().RecordAsync(
            lead.Actor,
            new TestReturnForm { Borough = borough, Month = month, Count = count.ToString(System.Globalization.CultureInfo.InvariantCulture), PreparedBy = "BCU analysts" },
            null,
            CancellationToken.None);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Not saved: {result.Conflict} {string.Join("; ", result.Errors.SelectMany(e => e.Value))}");
        }
    }

    /// <summary>Full-page screenshots at a laptop's and a phone's size.</summary>
    public static async Task ScreenshotsAsync(Visitor visitor, string name)
    {
        await visitor.Page.SetViewportSizeAsync(1366, 900);
        await visitor.ScreenshotAsync($"{name}-1366.png");
        await visitor.Page.SetViewportSizeAsync(390, 844);
        await visitor.ScreenshotAsync($"{name}-390.png");
        await visitor.Page.SetViewportSizeAsync(1366, 900);
    }
}
