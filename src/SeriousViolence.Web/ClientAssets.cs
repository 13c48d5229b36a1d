using System.Reflection;

namespace SeriousViolence.Web;

/// <summary>
/// Serves the files embedded in the host: the Blazor client script (see build/BlazorClientScript.props for why it is
/// embedded rather than restored), our stylesheet, icon and our two small scripts (print buttons, the narrow-screen menu button). Embedding keeps the host self-contained wherever it runs from.
/// </summary>
internal static class ClientAssets
{
    private static readonly (string Path, string Resource, string ContentType)[] Files =
    [
        ("/_framework/blazor.web.js", "blazor.web.js", "text/javascript"),
        ("/css/app.css", "app.css", "text/css"),
        ("/favicon.svg", "favicon.svg", "image/svg+xml"),
        ("/js/print.js", "print.js", "text/javascript"),
        ("/js/menu.js", "menu.js", "text/javascript"),
    ];

    public static void MapClientAssets(this WebApplication app)
    {
        var assembly = typeof(ClientAssets).Assembly;
        foreach (var (path, resource, contentType) in Files)
        {
            var bytes = Read(assembly, resource);
            app.MapGet(path, (HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "public, max-age=3600";
                return Results.Bytes(bytes, contentType + "; charset=utf-8");
            }).AllowAnonymous().ExcludeFromDescription();
        }
    }

    private static byte[] Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded asset '{resource}' is missing from the host assembly.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
