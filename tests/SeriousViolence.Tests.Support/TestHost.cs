using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Identity;
using SeriousViolence.Abstractions;
using SeriousViolence.Platform.Strands;
using SeriousViolence.Security.Users;
using SeriousViolence.Web;

namespace SeriousViolence.Tests.Support;

/// <summary>The real host, in-process, on Kestrel at a free loopback port, configured only by what the test passes.</summary>
public sealed class TestHost : IAsyncDisposable
{
    public static readonly string[] StrategyStrands =
    [
        "SeriousViolence.Strands.Jigsaw",
        "SeriousViolence.Strands.Sapphire",
        "SeriousViolence.Strands.DomesticViolenceHateCrime",
        "SeriousViolence.Strands.SeriousYouthViolence",
        "SeriousViolence.Strands.GangsCriminalNetworks",
        "SeriousViolence.Strands.Homicide",
        "SeriousViolence.Strands.GrievousBodilyHarm",
        "SeriousViolence.Strands.ChildAbuse",
    ];

    public const string NinthStrand = "SeriousViolence.Tests.NinthStrand";

    private TestHost(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public Uri BaseAddress { get; }

    /// <summary>
    /// Authenticated as the test operator through an API token (so as analyst, Board chair and lead of every strand;
    /// tokens never carry the administrator role).
    /// </summary>
    public HttpClient Client { get; }

    /// <summary>Every role except auditor and partner, and lead of every enabled strand: the person most tests act as.</summary>
    public TestUser Operator { get; private set; } = null!;

    /// <summary>Creates a user who can sign in, with these roles; the password is random and returned with the user.</summary>
    public async Task<TestUser> CreateUserAsync(string email, string displayName, params RoleGrant[] grants)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var user = new User
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "test", LockoutEnabled = true,
            PartnerId = grants.Any(g => g.Role == Role.Partner) ? "Home Office" : null,
        };
        user.Grants = [.. grants.Select(g => new UserGrant { Id = Guid.NewGuid(), UserId = user.Id, Role = g.Role, StrandId = g.StrandId })];
        // A host restarted on the same database finds its users there: give them a fresh password and these roles.
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            var db = scope.ServiceProvider.GetRequiredService<SecurityDbContext>();
            db.Grants.RemoveRange(db.Grants.Where(g => g.UserId == existing.Id));
            db.Grants.AddRange(grants.Select(g => new UserGrant { Id = Guid.NewGuid(), UserId = existing.Id, Role = g.Role, StrandId = g.StrandId }));
            await db.SaveChangesAsync();
            await users.RemovePasswordAsync(existing);
            await users.AddPasswordAsync(existing, password);
            existing.Grants = [.. grants.Select(g => new UserGrant { Id = Guid.NewGuid(), UserId = existing.Id, Role = g.Role, StrandId = g.StrandId })];
            return new TestUser(existing.Id, email, displayName, password, existing.ToActor());
        }

        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        return new TestUser(user.Id, email, displayName, password, user.ToActor());
    }

    /// <summary>An API token for the user, issued through the administration service as the platform.</summary>
    public async Task<string> IssueTokenAsync(TestUser user, string[]? strands = null, string[]? measures = null, int days = 30)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().IssueTokenAsync(Actor.System, user.Id, "tests", strands ?? [], measures ?? [], days, CancellationToken.None);
        return result.Secret ?? throw new InvalidOperationException(string.Join(" ", result.Errors));
    }

    /// <summary>
    /// The operator's token for <see cref="Client"/>, written straight to the store so that it outlives any clock a test
    /// moves (the administration service caps tokens at a year).
    /// </summary>
    private async Task<string> OperatorTokenAsync()
    {
        var secret = "sv_test-" + Guid.NewGuid().ToString("N");
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SecurityDbContext>();
        db.ApiTokens.Add(new SeriousViolence.Security.Users.ApiToken
        {
            Id = Guid.NewGuid(), UserId = Operator.Id, Name = "test host", Hash = SeriousViolence.Security.Tokens.ApiTokenHash.Of(secret), Prefix = secret[..7],
            CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "test", ExpiresAt = new DateTimeOffset(9999, 1, 1, 0, 0, 0, TimeSpan.Zero),
        });
        await db.SaveChangesAsync();
        return secret;
    }

    /// <summary>A client that sends the given API token.</summary>
    public HttpClient ClientWithToken(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<TestHost> StartAsync(
        string connectionString,
        IEnumerable<string>? strands = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["ConnectionStrings:SeriousViolence"] = connectionString,
            ["Strands:Enabled"] = string.Join(',', strands ?? StrategyStrands),
            ["Messaging:Transport"] = "InMemory",
            ["Messaging:Outbox:PollInterval"] = "00:00:00.200",
            ["Messaging:Outbox:PublishTimeout"] = "00:00:03",
            ["Messaging:Outbox:MaxBackoff"] = "00:00:01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var app = SeriousViolenceHost.Build([], builder =>
        {
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddInMemoryCollection(config);
            builder.Environment.EnvironmentName = "Development";
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            configure?.Invoke(builder);
        });
        await SeriousViolenceHost.PrepareAsync(app, CancellationToken.None);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var host = new TestHost(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"));
        var strandIds = app.Services.GetRequiredService<StrandCatalog>().Descriptors.Select(d => d.Id);
        host.Operator = await host.CreateUserAsync("operator@test.invalid", "Test operator",
            [new RoleGrant(Role.Administrator), new RoleGrant(Role.BoardChair), new RoleGrant(Role.PerformanceAnalyst), .. strandIds.Select(s => new RoleGrant(Role.StrandLead, s))]);
        host.Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await host.OperatorTokenAsync());
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
