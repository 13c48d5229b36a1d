using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Security.Tokens;

namespace SeriousViolence.Security.Users;

/// <summary>
/// The signed-in user of this circuit or request, as an <see cref="Actor"/>. Roles are read from the database, not
/// from the cookie, so a change of roles, a disabled account or "sign out everywhere" (a new security stamp) takes
/// effect within <see cref="CacheFor"/> even on a page that is already open.
/// </summary>
internal sealed class CurrentActor(IServiceProvider services, IHttpContextAccessor http, IServiceScopeFactory scopes, TimeProvider clock) : ICurrentActor
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);
    private Actor? _actor;
    private DateTimeOffset _readAt;

    public async Task<Actor> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_actor is not null && clock.GetUtcNow() - _readAt < CacheFor)
        {
            return _actor;
        }

        var principal = await PrincipalAsync();
        _actor = await ResolveAsync(principal, cancellationToken);
        _readAt = clock.GetUtcNow();
        return _actor;
    }

    private async Task<ClaimsPrincipal> PrincipalAsync()
    {
        if (services.GetService<AuthenticationStateProvider>() is { } provider)
        {
            try
            {
                return (await provider.GetAuthenticationStateAsync()).User;
            }
            catch (InvalidOperationException)
            {
                // A plain HTTP request (API endpoint): Blazor's provider is not set; the request's user is.
            }
        }

        return http.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());
    }

    private async Task<Actor> ResolveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (principal.Identity?.IsAuthenticated != true || userId is null)
        {
            return Actor.Anonymous;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SecurityDbContext>();
        var user = await db.Users.AsNoTracking().Include(u => u.Grants).SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || user.DisabledAt is not null)
        {
            return Actor.Anonymous;
        }

        if (principal.FindFirstValue(ApiTokenAuthentication.TokenIdClaim) is { } tokenId)
        {
            var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Id == Guid.Parse(tokenId), cancellationToken);
            return token is not null && token.IsValidAt(clock.GetUtcNow()) ? user.ToActor(token) : Actor.Anonymous;
        }

        // A cookie issued before the last "sign out everywhere" or password change no longer counts.
        var stamp = principal.FindFirstValue(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType);
        return string.Equals(stamp, user.SecurityStamp, StringComparison.Ordinal) ? user.ToActor() : Actor.Anonymous;
    }
}
