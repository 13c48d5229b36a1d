using System.Globalization;
using Microsoft.Playwright;
using SeriousViolence.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SeriousViolence.Tests.EndToEnd;

/// <summary>
/// On a phone and a tablet the shared layout (src/SeriousViolence.Web/Components/Layout/MainLayout.razor, app.css)
/// fits the screen: no page of the main journeys scrolls sideways, and the side navigation sits behind a menu button
/// that opens and closes it, by mouse and by keyboard.
/// </summary>
[Collection(OneBrowser.Name)]
public sealed class ResponsiveLayoutTests(BrowserFixture browser, MainJourneysHost fixture, ITestOutputHelper output)
    : IClassFixture<MainJourneysHost>
{
    // What sticks out past the right edge, to say in the failure where to look.
    private const string Overflowing =
        """
        () => [...document.querySelectorAll('body *')]
          .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .filter(e => !e.closest('.table-scroll'))
          .slice(0, 8)
          .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\s+/g, '.') : '') + ' right=' + Math.round(e.getBoundingClientRect().right))
          .join('; ')
        """;

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("tablet", 768, 1024)]
    public async Task No_page_of_the_main_journeys_scrolls_sideways_and_the_menu_button_opens_and_closes_the_navigation(string device, int width, int height)
    {
        await using var visitor = await Visitor.ArriveAsync(browser.Browser, fixture.Host, output, device, fixture.Person);
        var page = visitor.Page;
        await page.SetViewportSizeAsync(width, height);
        var menu = page.Locator("#menu-button");
        var navigation = page.Locator("#site-nav");
        var tooWide = new List<string>();

        foreach (var (path, name, ready, live) in MainJourneys.Pages)
        {
            await MainJourneys.VisitAsync(visitor, path, ready, live);

            var documentWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (documentWidth > width)
            {
                tooWide.Add($"/{path} is {documentWidth.ToString(CultureInfo.InvariantCulture)} px wide: {await page.EvaluateAsync<string>(Overflowing)}");
            }

            await ScreenshotAsync(page, $"responsive-{device}-{name}.png", width, height);

            await Expect(menu).ToBeVisibleAsync();
            await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
            await Expect(menu).ToHaveAttributeAsync("aria-controls", "site-nav");
            await Expect(navigation).ToBeHiddenAsync();
            await menu.ClickAsync();
            await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
            await Expect(navigation).ToBeVisibleAsync();
            await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Board", Exact = true })).ToBeVisibleAsync();
            if (name == "home")
            {
                await ScreenshotAsync(page, $"responsive-{device}-menu-open.png", width, height);
            }

            await menu.ClickAsync();
            await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
            await Expect(navigation).ToBeHiddenAsync();
        }

        Assert.True(tooWide.Count == 0, $"Wider than the {width.ToString(CultureInfo.InvariantCulture)} px screen:\n" + string.Join('\n', tooWide));
        Assert.Empty(visitor.Errors);
    }

    // The first four screens of the page: enough to look at, and bounded (the audit trail's 200 records run far down).
    private static async Task ScreenshotAsync(IPage page, string fileName, int width, int height)
    {
        var pageHeight = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(RepositoryPaths.Artifacts("screenshots"), fileName),
            FullPage = true,
            Clip = new Clip { X = 0, Y = 0, Width = width, Height = Math.Min(pageHeight, height * 4) },
        });
    }

    [Fact]
    public async Task The_menu_opens_with_the_keyboard_leads_into_the_navigation_and_closes_with_Escape()
    {
        await using var visitor = await Visitor.ArriveAsync(browser.Browser, fixture.Host, output, "keyboard", fixture.Person);
        var page = visitor.Page;
        await page.SetViewportSizeAsync(390, 844);
        await MainJourneys.VisitAsync(visitor, "", "h1", null);
        var menu = page.Locator("#menu-button");
        var navigation = page.Locator("#site-nav");

        await menu.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(navigation).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Home", Exact = true })).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Escape");
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(navigation).ToBeHiddenAsync();
        await Expect(menu).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Space");
        await Expect(navigation).ToBeVisibleAsync();

        // Choosing a page closes the menu: the new page's layout comes from the server with the menu closed.
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Board", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Where the strategy stands");
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(navigation).ToBeHiddenAsync();

        // On a desk the navigation is always there and the button is not.
        await page.SetViewportSizeAsync(1280, 800);
        await Expect(menu).ToBeHiddenAsync();
        await Expect(navigation).ToBeVisibleAsync();
        Assert.Empty(visitor.Errors);
    }
}
