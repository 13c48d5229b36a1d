using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using SeriousViolence.Abstractions;
using SeriousViolence.Platform.Audit;
using SeriousViolence.Security.Audit;
using SeriousViolence.Security.Users;

namespace SeriousViolence.Security;

public static class SecurityEndpoints
{
    /// <summary>Sign-out (form posts with antiforgery) and the auditor's CSV.</summary>
    public static IEndpointRouteBuilder MapSecurityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, SignInManager<User> signIn, ICurrentActor current, AuditTrail audit, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            await signIn.SignOutAsync();
            await audit.RecordAsync(actor, new AuditEvent(AuditKinds.SignOut, "signed out", "security.users", actor.Id), ct);
            return TypedResults.LocalRedirect("/account/login");
        }).ExcludeFromDescription();

        app.MapPost("/account/sign-out-everywhere", async ([FromForm] string? returnUrl, SignInManager<User> signIn, ICurrentActor current, UserAdministration administration, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            await administration.SignOutEverywhereAsync(actor, actor.Id, ct);
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        }).ExcludeFromDescription();

        app.MapGet("/audit.csv", async ([AsParameters] AuditFilter filter, ICurrentActor current, AuditQueries audit, CancellationToken ct) =>
        {
            var csv = await audit.CsvAsync(await current.GetAsync(ct), filter, ct);
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", "audit-trail.csv");
        }).ExcludeFromDescription();
        return app;
    }
}
