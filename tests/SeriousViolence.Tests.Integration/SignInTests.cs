using System.Net;
using SeriousViolence.Abstractions;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>Sign-in over HTTP as a browser does it: pages closed to strangers, lockout, audit, secure cookie.</summary>
public sealed class SignInTests : HostedTest
{
    [Fact]
    public async Task Pages_and_APIs_are_closed_to_anyone_not_signed_in()
    {
        using var session = CookieSession.Open(Host);
        var page = await session.Client.GetAsync("board");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Client.GetAsync("api/strands")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("account/login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("health/live")).StatusCode);
    }

    [Fact]
    public async Task A_user_signs_in_with_a_session_cookie_that_scripts_cannot_read_and_the_sign_in_is_audited()
    {
        var lead = await Host.CreateUserAsync("sapphire.lead@test.invalid", "DCS Sapphire", new RoleGrant(Role.StrandLead, "sapphire"));
        using var session = CookieSession.Open(Host);
        var response = await session.SignInAsync(lead.Email, lead.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sv.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("strands/sapphire")).StatusCode);
        Assert.Equal(1, await Db.ScalarAsync<long>($"SELECT count(*) FROM platform.audit_records WHERE kind = 'sign-in' AND actor_id = '{lead.Id}'"));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_and_each_failure_is_audited()
    {
        var member = await Host.CreateUserAsync("member@test.invalid", "Board member", new RoleGrant(Role.BoardMember));
        using var session = CookieSession.Open(Host);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await session.SignInAsync(member.Email, "not-the-password-" + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await session.SignInAsync(member.Email, member.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(6, await Db.ScalarAsync<long>($"SELECT count(*) FROM platform.audit_records WHERE kind = 'sign-in-failed' AND actor_id = '{member.Id}'"));
        // The typed passwords are never stored anywhere.
        Assert.Equal(0, await Db.ScalarAsync<long>("SELECT count(*) FROM platform.audit_records WHERE summary LIKE '%not-the-password%' OR coalesce(after::text, '') LIKE '%not-the-password%'"));
    }

    [Fact]
    public async Task An_unknown_account_gets_the_same_answer_and_the_typed_name_is_not_recorded()
    {
        using var session = CookieSession.Open(Host);
        var response = await session.SignInAsync("nobody-such@test.invalid", "whatever-password");
        Assert.Contains("do not match an active account", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await Db.ScalarAsync<long>("SELECT count(*) FROM platform.audit_records WHERE kind = 'sign-in-failed' AND actor_id = 'unknown'"));
        Assert.Equal(0, await Db.ScalarAsync<long>("SELECT count(*) FROM platform.audit_records WHERE summary LIKE '%nobody-such%' OR entity_id LIKE '%nobody-such%'"));
    }

    [Fact]
    public async Task Responses_carry_the_security_headers_the_pages_work_under()
    {
        using var session = CookieSession.Open(Host);
        var response = await session.Client.GetAsync("account/login");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        using var session = CookieSession.Open(Host);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "sign-in", ["Input.Email"] = Host.Operator.Email, ["Input.Password"] = Host.Operator.Password });
        var response = await session.Client.PostAsync("account/login", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

/// <summary>Sign-in posts are rate limited per client address.</summary>
public sealed class SignInRateLimitTests : IAsyncLifetime
{
    private TestDatabase _db = default!;
    private TestHost _host = default!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _host = await TestHost.StartAsync(_db.ConnectionString, settings: new Dictionary<string, string?> { ["Security:SignInPostsPerMinute"] = "3" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task The_fourth_sign_in_post_within_a_minute_gets_429()
    {
        using var session = CookieSession.Open(_host);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await session.SignInAsync("someone@test.invalid", "wrong-password-x")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await session.SignInAsync("someone@test.invalid", "wrong-password-x")).StatusCode);
    }
}
