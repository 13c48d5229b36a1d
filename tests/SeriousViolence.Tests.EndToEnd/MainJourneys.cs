using System.Net.Http.Headers;
using Microsoft.Playwright;
using SeriousViolence.Abstractions;
using SeriousViolence.Tests.Support;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace SeriousViolence.Tests.EndToEnd;

/// <summary>
/// The pages of the main journeys (issue 16): what a Board member, a strand lead, an analyst and an administrator open
/// most. The responsive and accessibility tests visit each of them; <see cref="ReadyAsync"/> waits until a page shows
/// what it will show (no "Loading…" left, the live parts attached to their circuit).
/// </summary>
internal static class MainJourneys
{
    /// <summary>
    /// Path, a short name for screenshots, a selector that exists once the page has its content, and (on a page that has
    /// one) a control the page enables only once it has rendered on its circuit, not just prerendered.
    /// </summary>
    public static readonly (string Path, string Name, string Ready, string? Live)[] Pages =
    [
        ("", "home", "h1", null),
        ("board", "board", "#board-plans", "#reannounce"),
        ("board/strands/homicide", "board-drilldown", "#strand-objectives", "#strand-ripe"),
        // The strand page of a lead carries the action-plan workspace.
        ("strands/homicide", "strand-workspace", "li.objective", "#submit-quarter"),
        ("measures", "measures", "#measures", null),
        ("measures/homicide-offences", "measure", "#control-chart", "#geography-picker"),
        ("board/places", "places", "#tilemap", "#places-measure"),
        ("governance/quarters", "quarters", "h1", null),
        ("imports", "imports", "#start-import", "#start-import"),
        ("audit", "audit", "#audit-records", "#audit-search"),
        ("strands/gbh/returns", "returns", "#returns-table", "#returns-month"),
    ];

    /// <summary>
    /// Opens the page and waits until it shows what it will show: its circuit connected (every page has one: the marking
    /// banners are interactive), its live control attached, nothing left "Loading…", its content there.
    /// </summary>
    public static async Task VisitAsync(Visitor visitor, string path, string ready, string? live)
    {
        await visitor.Page.RunAndWaitForConsoleMessageAsync(
            () => visitor.OpenAsync(path),
            new() { Predicate = message => message.Text.Contains("WebSocket connected", StringComparison.Ordinal) });
        if (live is not null)
        {
            // The pages keep such a control disabled until they render on their circuit (RendererInfo.IsInteractive).
            await Expect(visitor.Page.Locator(live)).ToBeEnabledAsync();
        }

        await visitor.Page.WaitForFunctionAsync("() => !document.querySelector('main').innerText.includes('Loading…')");
        await Expect(visitor.Page.Locator(ready).First).ToBeAttachedAsync();
    }
}

/// <summary>
/// One host for a class that only reads: the strategy's strands, and the two-month borough fixture imported through
/// POST /api/imports so that the measure page has a chart to scale. <see cref="Person"/> holds every role but partner
/// (the operator's, and auditor, which the audit trail needs), so that one person sees every page of the journeys.
/// </summary>
public sealed class MainJourneysHost : IAsyncLifetime
{
    private TestDatabase? _db;
    private TestHost? _host;

    public TestHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public TestUser Person { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _host = await TestHost.StartAsync(_db.ConnectionString);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(ImportPages.Fixture("borough-majortext-boroughname.csv")));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "borough-majortext-boroughname.csv");
        using var response = await _host.Client.PostAsync(new Uri("api/imports", UriKind.Relative), form);
        response.EnsureSuccessStatusCode();
        Person = await _host.CreateUserAsync("journeys@test.invalid", "Journey tester",
        [
            new RoleGrant(Role.Administrator), new RoleGrant(Role.Auditor), new RoleGrant(Role.BoardChair), new RoleGrant(Role.PerformanceAnalyst),
            .. _host.Operator.Actor.Grants.Where(g => g.Role == Role.StrandLead),
        ]);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }
}
