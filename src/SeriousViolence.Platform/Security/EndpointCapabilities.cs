using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Platform.Audit;

namespace SeriousViolence.Platform.Security;

/// <summary>Capability checks for HTTP endpoints, through the same <see cref="AccessPolicy"/> as every command.</summary>
public static class EndpointCapabilities
{
    /// <summary>Refuses the request (403, audited by the host) unless the caller has the capability.</summary>
    public static TBuilder RequireCapability<TBuilder>(this TBuilder builder, Capability capability)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var actor = await context.HttpContext.RequestServices.GetRequiredService<ICurrentActor>().GetAsync(context.HttpContext.RequestAborted);
            AccessPolicy.Ensure(actor, capability);
            return await next(context);
        });

    /// <summary>A download: the caller must be allowed to export, and each successful export is recorded in the audit trail.</summary>
    public static TBuilder AuditedExport<TBuilder>(this TBuilder builder, string what)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var actor = await http.RequestServices.GetRequiredService<ICurrentActor>().GetAsync(http.RequestAborted);
            AccessPolicy.Ensure(actor, Capability.Export);
            var result = await next(context);
            if (result is IStatusCodeHttpResult { StatusCode: >= 400 })
            {
                return result;
            }

            await http.RequestServices.GetRequiredService<AuditTrail>().RecordAsync(
                actor, new AuditEvent(AuditKinds.Export, $"downloaded {what}", "export", http.Request.Path + http.Request.QueryString), http.RequestAborted);
            return result;
        });
}
