using System.Net;
using System.Text.RegularExpressions;

namespace SeriousViolence.Tests.Support;

/// <summary>
/// A browser-like HTTP session: cookies kept, and forms posted the way the page's own form would post them (with the
/// antiforgery token and Blazor's form name read from the page).
/// </summary>
public sealed partial class CookieSession : IDisposable
{
    private CookieSession(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    public static CookieSession Open(TestHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        return new CookieSession(new HttpClient(handler) { BaseAddress = host.BaseAddress });
    }

    /// <summary>Posts the sign-in form; returns the response (302 to the app on success, 200 with an error otherwise).</summary>
    public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        PostFormAsync("account/login", "sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Reads the page at <paramref name="path"/>, then posts its form <paramref name="formName"/> with these fields.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string formName, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var page = await Client.GetStringAsync(path);
        var token = AntiforgeryField().Match(page);
        var form = new Dictionary<string, string>(fields) { ["_handler"] = formName };
        if (token.Success)
        {
            form["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        }

        using var content = new FormUrlEncodedContent(form);
        return await Client.PostAsync(path, content);
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
