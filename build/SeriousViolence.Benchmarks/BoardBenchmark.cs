using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Npgsql;
using NpgsqlTypes;
using SeriousViolence.Abstractions;
using SeriousViolence.Board.Dashboard;
using SeriousViolence.Plans;
using SeriousViolence.Plans.Features;
using SeriousViolence.Security.Users;
using SeriousViolence.Web;

namespace SeriousViolence.Benchmarks;

/// <summary>
/// The Board at scale: the overview's server render time with 8 strands x 250 objectives and 60 measures x 33
/// geographies x 180 months in the read model, and the delay from a committed change to an open browser showing it.
/// The large data set is written into schema board with COPY (this measures rendering, not ingestion); the changes
/// go the whole real way: Plans' command and outbox, the bus, the Board's consumer, the notifier, the circuit, the DOM.
/// </summary>
internal static class BoardBenchmark
{
    private const int ObjectivesPerStrand = 250;
    private const int Measures = 60;
    private const int Months = 180;

    private static readonly int[] Year1 = [1];
    private static readonly int[] Year2 = [2];
    private static readonly int[] BothYears = [1, 2];
    private static readonly string[] Cps = ["CPS"];
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(string admin, string resultsDir, int renders, int changes)
    {
        Directory.CreateDirectory(resultsDir);
        var name = $"sv_bench_{Guid.NewGuid():N}"[..24];
        await ExecuteAsync(admin, $"CREATE DATABASE {name}");
        try
        {
            var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
            var app = SeriousViolenceHost.Build([], builder =>
            {
                builder.Configuration.Sources.Clear();
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["ConnectionStrings:SeriousViolence"] = cs,
                    ["Messaging:Transport"] = "InMemory",
                    ["Strands:Enabled"] = "SeriousViolence.Strands.Jigsaw,SeriousViolence.Strands.Sapphire,SeriousViolence.Strands.DomesticViolenceHateCrime,SeriousViolence.Strands.SeriousYouthViolence,SeriousViolence.Strands.GangsCriminalNetworks,SeriousViolence.Strands.Homicide,SeriousViolence.Strands.GrievousBodilyHarm,SeriousViolence.Strands.ChildAbuse",
                });
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
            });
            await SeriousViolenceHost.PrepareAsync(app, CancellationToken.None);
            await app.StartAsync();
            try
            {
                var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
                await WaitAsync(cs, "SELECT count(*) FROM board.objectives", 163, "the seeded objectives on the Board");
                await WaitAsync(cs, "SELECT count(*) FROM board.measures", 26, "the measure definitions on the Board");
                await LoadLargeDataSetAsync(cs);
                var (objectives, observations) = (await ScalarAsync(cs, "SELECT count(*) FROM board.objectives"), await ScalarAsync(cs, "SELECT count(*) FROM board.measure_observations"));
                Console.WriteLine($"board: {objectives} objectives, {observations} observations in the read model");

                // Every page needs a signed-in user: a Board member, through an API token for the plain requests and
                // through the sign-in page for the browser.
                var (email, password, token) = await BoardMemberAsync(app.Services);
                using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
                http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                var renderMs = await RenderTimesAsync(http, renders);
                var pictureMs = await PictureTimesAsync(app.Services, renders);
                var (delays, browser) = await LiveDelaysAsync(app.Services, address, changes, email, password);
                await WriteAsync(resultsDir, objectives, observations, renderMs, pictureMs, delays, browser);
            }
            finally
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }

        return 0;
    }

    /// <summary>2,000 more objectives across the eight strands and 60 monthly measures for London and 32 boroughs.</summary>
    private static async Task LoadLargeDataSetAsync(string cs)
    {
        var random = new Random(20071);
        string[] strands = ["jigsaw", "sapphire", "dv-hate-crime", "serious-youth-violence", "gangs-criminal-networks", "homicide", "gbh", "child-abuse"];
        string[] ripe = ["Reassurance", "Intelligence", "Prevention", "Enforcement"];
        string[] statuses = ["NotStarted", "OnTrack", "OnTrack", "OnTrack", "AtRisk", "OffTrack", "Complete", "Cancelled"];
        string?[] rags = [null, "Green", "Green", "Amber", "Red"];
        string[] themes = ["drugs", "alcohol", "mental-health", "guns", "knives"];
        var now = DateTimeOffset.UtcNow;
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY board.objectives (objective_id, strand_id, revision, ripe, years, status, rag, percent_complete, themes, text, due_quarter, occurred_at, received_at, owner, partners, boroughs) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var strand in strands)
            {
                for (var i = 0; i < ObjectivesPerStrand; i++)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(strand, NpgsqlDbType.Text);
                    await copy.WriteAsync(1L, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(new[] { ripe[random.Next(4)] }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                    await copy.WriteAsync(random.Next(3) switch { 0 => Year1, 1 => Year2, _ => BothYears }, NpgsqlDbType.Array | NpgsqlDbType.Integer);
                    await copy.WriteAsync(statuses[random.Next(statuses.Length)], NpgsqlDbType.Text);
                    if (rags[random.Next(rags.Length)] is { } rag)
                    {
                        await copy.WriteAsync(rag, NpgsqlDbType.Text);
                    }
                    else
                    {
                        await copy.WriteNullAsync();
                    }

                    await copy.WriteAsync(random.Next(101), NpgsqlDbType.Integer);
                    await copy.WriteAsync(random.Next(3) == 0 ? new[] { themes[random.Next(5)] } : Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                    await copy.WriteAsync($"Benchmark objective {i + 1} of {strand}: deliver the action plan's commitment with partners across London.", NpgsqlDbType.Text);
                    await copy.WriteAsync(new FinancialQuarter(2025 + random.Next(3), 1 + random.Next(4)).ToString(), NpgsqlDbType.Text);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync("DI Benchmark", NpgsqlDbType.Text);
                    await copy.WriteAsync(Cps, NpgsqlDbType.Array | NpgsqlDbType.Text);
                    await copy.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                }
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY board.measures (measure_code, revision, occurred_at, name, unit, polarity, frequency, target_value, target_text, key_outcomes, strand_ids) FROM STDIN (FORMAT BINARY)"))
        {
            for (var m = 1; m <= Measures; m++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync($"bench-{m:000}", NpgsqlDbType.Text);
                await copy.WriteAsync(1L, NpgsqlDbType.Bigint);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync($"Benchmark measure {m}", NpgsqlDbType.Text);
                await copy.WriteAsync("count", NpgsqlDbType.Text);
                await copy.WriteAsync("lower-is-better", NpgsqlDbType.Text);
                await copy.WriteAsync("monthly", NpgsqlDbType.Text);
                await copy.WriteAsync(900m, NpgsqlDbType.Numeric);
                await copy.WriteAsync("900 a month", NpgsqlDbType.Text);
                await copy.WriteAsync(new[] { 1 + (m % 7) }, NpgsqlDbType.Array | NpgsqlDbType.Integer);
                await copy.WriteAsync(new[] { strands[m % 8] }, NpgsqlDbType.Array | NpgsqlDbType.Text);
            }

            await copy.CompleteAsync();
        }

        string[] places = ["london", .. Enumerable.Range(2, 32).Select(i => $"E090000{i:00}")];
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY board.measure_observations (measure_code, geography, period_kind, period_start, value, revision, received_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var m = 1; m <= Measures; m++)
            {
                foreach (var place in places)
                {
                    var level = place == "london" ? 1000 : 30;
                    for (var month = 0; month < Months; month++)
                    {
                        await copy.StartRowAsync();
                        await copy.WriteAsync($"bench-{m:000}", NpgsqlDbType.Text);
                        await copy.WriteAsync(place, NpgsqlDbType.Text);
                        await copy.WriteAsync("month", NpgsqlDbType.Text);
                        await copy.WriteAsync(new DateOnly(2011, 1, 1).AddMonths(month), NpgsqlDbType.Date);
                        await copy.WriteAsync((decimal)(level + random.Next(level / 5)), NpgsqlDbType.Numeric);
                        await copy.WriteAsync(1, NpgsqlDbType.Integer);
                        await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                    }
                }
            }

            await copy.CompleteAsync();
        }

        await using var analyse = new NpgsqlCommand("ANALYZE board.objectives; ANALYZE board.measure_observations; ANALYZE board.measures", connection);
        await analyse.ExecuteNonQueryAsync();
    }

    /// <summary>GET /board: the whole overview rendered on the server (prerendered HTML), time to the last byte.</summary>
    private static async Task<List<double>> RenderTimesAsync(HttpClient http, int renders)
    {
        for (var i = 0; i < 3; i++)
        {
            (await http.GetAsync("board")).EnsureSuccessStatusCode();
        }

        var times = new List<double>();
        for (var i = 0; i < renders; i++)
        {
            var watch = Stopwatch.StartNew();
            var html = await http.GetStringAsync("board");
            watch.Stop();
            if (!html.Contains("Benchmark measure 60", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The overview did not show the benchmark's measures.");
            }

            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"board: GET /board median {Median(times):F0} ms, p95 {P95(times):F0} ms over {renders}");
        return times;
    }

    /// <summary>The picture alone (queries, SPC for every measure, rules), without HTML: how much of a render it is.</summary>
    private static async Task<List<double>> PictureTimesAsync(IServiceProvider services, int renders)
    {
        var times = new List<double>();
        for (var i = 0; i < renders; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            await scope.ServiceProvider.GetRequiredService<BoardDashboard>().PictureAsync(Actor.System, CancellationToken.None);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    /// <summary>
    /// An open overview in Chromium; a strand lead's change committed through Plans' command; the delay until the
    /// page's DOM shows it, stamped in the page by a MutationObserver against the same machine clock.
    /// </summary>
    private static async Task<(string Email, string Password, string Token)> BoardMemberAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var user = new User { UserName = "bench@bench.invalid", Email = "bench@bench.invalid", EmailConfirmed = true, DisplayName = "Benchmark Board member", CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "bench" };
        user.Grants = [new UserGrant { Id = Guid.NewGuid(), UserId = user.Id, Role = Role.BoardMember }];
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var token = await scope.ServiceProvider.GetRequiredService<UserAdministration>().IssueTokenAsync(Actor.System, user.Id, "benchmark", [], [], 1, CancellationToken.None);
        return (user.Email, password, token.Secret!);
    }

    private static async Task<(List<double> Delays, string Browser)> LiveDelaysAsync(IServiceProvider services, Uri address, int changes, string email, string password)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("account/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#sign-in").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await page.GotoAsync("board");
        await page.WaitForSelectorAsync("#live-state[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 60_000 });
        const string Cell = "#strand-cards article[data-strand=jigsaw] [data-field=concern]";

        Guid objectiveId;
        await using (var scope = services.CreateAsyncScope())
        {
            objectiveId = await scope.ServiceProvider.GetRequiredService<PlansDbContext>().Objectives.Where(o => o.StrandId == "jigsaw").OrderBy(o => o.SeedKey).Select(o => o.Id).FirstAsync();
        }

        var delays = new List<double>();
        for (var i = 0; i < changes + 2; i++)
        {
            var before = await page.Locator(Cell).TextContentAsync();
            await page.EvaluateAsync(
                """
                ([selector, before]) => {
                  window.__seenAt = null;
                  const check = () => { const e = document.querySelector(selector); if (!window.__seenAt && e && e.textContent !== before) { window.__seenAt = Date.now(); } };
                  if (window.__observer) { window.__observer.disconnect(); }
                  window.__observer = new MutationObserver(check);
                  window.__observer.observe(document.body, { subtree: true, childList: true, characterData: true });
                }
                """,
                Args(Cell, before!));
            DateTimeOffset committed;
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PlansDbContext>();
                var objective = await db.Objectives.AsNoTracking().SingleAsync(o => o.Id == objectiveId);
                var form = ObjectiveForm.From(objective);
                form.Status = objective.Status == ObjectiveStatus.OffTrack ? ObjectiveStatus.OnTrack : ObjectiveStatus.OffTrack;
                var result = await scope.ServiceProvider.GetRequiredService<ObjectiveCommands>().UpdateAsync(Actor.System, objectiveId, objective.Revision, form, CancellationToken.None);
                committed = DateTimeOffset.UtcNow;
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException("The benchmark's objective change was refused.");
                }
            }

            await page.WaitForFunctionAsync("() => window.__seenAt !== null", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
            var seenAt = await page.EvaluateAsync<double>("() => window.__seenAt");
            var delay = seenAt - committed.ToUnixTimeMilliseconds();
            if (i >= 2)
            {
                delays.Add(delay); // the first two warm up the circuit and the queries
            }

            await Task.Delay(300);
        }

        Console.WriteLine($"board: change to browser median {Median(delays):F0} ms, p95 {P95(delays):F0} ms over {changes}");
        return (delays, browser.Version);
    }

    private static async Task WriteAsync(string resultsDir, long objectives, long observations, List<double> render, List<double> picture, List<double> delays, string browser)
    {
        var results = new
        {
            measuredAt = DateTimeOffset.UtcNow,
            machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
            browser = $"Chromium {browser}",
            readModel = new { strands = 8, objectives, measures = Measures + 26, observations },
            overviewRenderMs = new { median = Median(render), p95 = P95(render), samples = render.Count },
            pictureOnlyMs = new { median = Median(picture), p95 = P95(picture), samples = picture.Count },
            changeToBrowserMs = new { median = Median(delays), p95 = P95(delays), samples = delays.Count },
        };
        await File.WriteAllTextAsync(Path.Combine(resultsDir, "board.json"), JsonSerializer.Serialize(results, Indented));
        var md = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# Board benchmark ({results.measuredAt:yyyy-MM-dd HH:mm} UTC, {results.machine}, {results.browser})")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Read model: 8 strands, {objectives:N0} objectives, {Measures + 26} measures, {observations:N0} observations ({Measures} benchmark measures x 33 geographies x {Months} months).")
            .AppendLine()
            .AppendLine("| what | median | 95th percentile | samples |")
            .AppendLine("|---|---|---|---|")
            .AppendLine(CultureInfo.InvariantCulture, $"| GET /board: the overview rendered on the server, to the last byte | {Median(render):F0} ms | {P95(render):F0} ms | {render.Count} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| of which the picture (queries, SPC of every measure, rules) | {Median(picture):F0} ms | {P95(picture):F0} ms | {picture.Count} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| a committed objective change (Plans command) to an open overview in Chromium showing it | {Median(delays):F0} ms | {P95(delays):F0} ms | {delays.Count} |");
        await File.WriteAllTextAsync(Path.Combine(resultsDir, "board.md"), md.ToString());
        Console.WriteLine(md.ToString());
    }

    private static object[] Args(params object[] values) => values;

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[(s.Count / 2) - 1] + s[s.Count / 2]) / 2;
    }

    /// <summary>Nearest-rank 95th percentile.</summary>
    private static double P95(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s[Math.Max(0, (int)Math.Ceiling(0.95 * s.Count) - 1)];
    }

    private static async Task WaitAsync(string cs, string sql, long expected, string what)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await ScalarAsync(cs, sql) >= expected)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Gave up waiting for {what}.");
    }

    private static async Task<long> ScalarAsync(string cs, string sql)
    {
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(string cs, string sql)
    {
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
