using Microsoft.Playwright;
using SeriousViolence.Tests.Support;
using Xunit.Abstractions;

namespace SeriousViolence.Tests.EndToEnd;

/// <summary>
/// One person at a browser: a context of their own (cookies, circuit), one page, and what the page reported. Console
/// and script errors go to the test output so that a failure shows what the browser saw.
/// </summary>
internal sealed class Visitor : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    private Visitor(IBrowserContext context, IPage page, string name, ITestOutputHelper output)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            output.WriteLine($"[{name} console {message.Type}] {message.Text} ({message.Location})");
            if (message.Type == "error")
            {
                _errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) =>
        {
            output.WriteLine($"[{name} page error] {error}");
            _errors.Add(error);
        };
    }

    public IPage Page { get; }

    /// <summary>Console errors and uncaught script errors seen so far.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>A new browser context, signed in through the sign-in page as <paramref name="user"/> (the test operator by default).</summary>
    public static async Task<Visitor> ArriveAsync(IBrowser browser, TestHost host, ITestOutputHelper output, string name = "visitor", TestUser? user = null)
    {
        var visitor = await ArriveSignedOutAsync(browser, host, output, name);
        await visitor.SignInAsync(user ?? host.Operator);
        return visitor;
    }

    public static async Task<Visitor> ArriveSignedOutAsync(IBrowser browser, TestHost host, ITestOutputHelper output, string name = "visitor")
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        return new Visitor(context, page, name, output);
    }

    public async Task SignInAsync(TestUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        await Page.GotoAsync("account/login");
        await Page.Locator("#email").FillAsync(user.Email);
        await Page.Locator("#password").FillAsync(user.Password);
        await Page.Locator("#sign-in").ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    public async Task OpenAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        if (response is null || !response.Ok)
        {
            throw new InvalidOperationException($"GET {path} answered {response?.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}");
        }
    }

    /// <summary>
    /// Waits until Blazor has attached its event handlers to the element, which happens only once the page's circuit
    /// is connected and the component has rendered interactively. Before that the prerendered button is inert: a click
    /// on it is lost. blazor.web.js keeps an element's handlers under a property named _blazorEvents_N.
    /// </summary>
    public Task WaitUntilInteractiveAsync(string selector) =>
        Page.WaitForFunctionAsync(
            "selector => { const e = document.querySelector(selector); return !!e && Object.keys(e).some(k => k.startsWith('_blazorEvents_')); }",
            selector);

    public Task ScreenshotAsync(string fileName) =>
        Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(RepositoryPaths.Artifacts("screenshots"), fileName),
            FullPage = true,
        });

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
