using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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

    public HttpClient Client { get; }

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
        return new TestHost(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
