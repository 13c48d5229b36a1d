using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Platform.Security;

namespace SeriousViolence.Platform.Plugins;

/// <summary>Maps the HTTP endpoints each loaded strand declared (<see cref="SeriousViolence.Plugins.IStrandContributions.Api"/>).</summary>
public static class StrandApis
{
    /// <summary>
    /// One group per strand at <c>/api/strands/&lt;id&gt;</c>, open only to internal people (the strand's endpoints check
    /// their own capabilities), tagged with the strand's name in the OpenAPI document.
    /// </summary>
    public static void MapStrandApis(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var registry = app.ServiceProvider.GetRequiredService<PluginRegistry>();
        foreach (var strand in registry.Strands.Where(s => s.ApiMaps.Count > 0))
        {
            var group = app.MapGroup(strand.ApiPath);
            group.WithTags($"Strand {strand.Strand.Number}: {strand.Strand.Name}").RequireCapability(Capability.ViewBoard);
            foreach (var map in strand.ApiMaps)
            {
                map(group);
            }
        }
    }
}
