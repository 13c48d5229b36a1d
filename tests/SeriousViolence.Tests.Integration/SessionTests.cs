using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SeriousViolence.Abstractions;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>Sessions end when they should, and nothing secret or personal reaches the log.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private readonly CapturingLogger _log = new();
    private TestDatabase _db = default!;
    private TestHost _host = default!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _host = await TestHost.StartAsync(_db.ConnectionString, configure: builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddProvider(_log);
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_the_other_sessions_at_their_next_request()
    {
        var lead = await _host.CreateUserAsync("lead@test.invalid", "DCS Homicide", new RoleGrant(Role.StrandLead, "homicide"));
        using var laptop = CookieSession.Open(_host);
        using var phone = CookieSession.Open(_host);
        await laptop.SignInAsync(lead.Email, lead.Password);
        await phone.SignInAsync(lead.Email, lead.Password);
        Assert.Equal(HttpStatusCode.OK, (await phone.Client.GetAsync("strands/homicide")).StatusCode);

        var everywhere = await laptop.Client.PostAsync("account/sign-out-everywhere", new FormUrlEncodedContent(await AntiforgeryFieldsAsync(laptop)));
        Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);

        var after = await phone.Client.GetAsync("strands/homicide");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawing_a_role_ends_the_persons_sessions_so_they_cannot_go_on_using_it()
    {
        var lead = await _host.CreateUserAsync("lead2@test.invalid", "DCS Gangs", new RoleGrant(Role.StrandLead, "gangs-criminal-networks"));
        using var session = CookieSession.Open(_host);
        await session.SignInAsync(lead.Email, lead.Password);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("strands/gangs-criminal-networks")).StatusCode);

        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<SeriousViolence.Security.Users.UserAdministration>().UpdateAsync(
                _host.Operator.Actor, lead.Id, new SeriousViolence.Security.Users.UserForm { DisplayName = "DCS Gangs", Grants = [new RoleGrant(Role.BoardMember)] }, CancellationToken.None);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        }

        var after = await session.Client.GetAsync("strands/gangs-criminal-networks");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_ins_and_token_use_leave_no_password_token_or_e_mail_in_the_log()
    {
        var member = await _host.CreateUserAsync("board.member@test.invalid", "Board member", new RoleGrant(Role.BoardMember));
        using var session = CookieSession.Open(_host);
        await session.SignInAsync(member.Email, "a-wrong-password-123");
        await session.SignInAsync(member.Email, member.Password);
        await session.Client.GetAsync("board");
        var token = await _host.IssueTokenAsync(member);
        using var client = _host.ClientWithToken(token);
        await client.GetAsync("api/strands");
        using var bad = _host.ClientWithToken("sv_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await bad.GetAsync("api/strands")).StatusCode);

        var log = string.Join('\n', _log.Lines);
        Assert.NotEmpty(_log.Lines);
        foreach (var secret in new[] { member.Password, "a-wrong-password-123", token, "sv_not-a-real-token", member.Email, "board.member" })
        {
            Assert.DoesNotContain(secret, log, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static async Task<Dictionary<string, string>> AntiforgeryFieldsAsync(CookieSession session)
    {
        var page = await session.Client.GetStringAsync("account");
        var match = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"");
        return new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(match.Groups[1].Value) };
    }

    private sealed class CapturingLogger : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            Lines.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception));
        }

        public void Dispose()
        {
        }
    }
}
