using SeriousViolence.Abstractions;
using SeriousViolence.Platform.Audit;
using SeriousViolence.Security;

namespace SeriousViolence.Web;

internal static class SecurityHeaders
{
    /// <summary>
    /// What the Blazor pages need and nothing more: our own script (blazor.web.js) only, no eval; inline styles (Blazor's
    /// reconnection dialog and our style attributes); the circuit's WebSocket to this origin; no framing by anyone.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Headers on every response; HTTPS redirection and HSTS where Security:RequireHttps is set (production).</summary>
    public static void UseSecurityHeaders(this WebApplication app, SecuritySettings settings)
    {
        if (settings.RequireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.Use(async (context, next) =>
        {
            // Set as the response starts, so that these replace anything a framework component added on the way.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next();
        });
    }

    /// <summary>
    /// A command refused by the access policy becomes 403 with the reason, and the attempt goes into the audit trail:
    /// the one place every HTTP entry point reports refusals.
    /// </summary>
    public static void UseAccessDeniedAnswers(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next();
            }
            catch (AccessDeniedException denied) when (!context.Response.HasStarted)
            {
                var audit = context.RequestServices.GetRequiredService<AuditTrail>();
                await audit.RecordDeniedAsync(denied, $"{context.Request.Method} {context.Request.Path}", CancellationToken.None);
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(new { title = "Forbidden", status = 403, detail = denied.Message }, context.RequestAborted);
            }
        });
}
