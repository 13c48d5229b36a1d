using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace SeriousViolence.Board.Dashboard;

/// <summary>
/// Real borough boundaries for the Places map, from a GeoJSON file of London's 33 areas (properties <c>gss_code</c>,
/// WGS84 polygons) named by <c>Board:BoundaryFile</c>. Optional: without the file the map is the tile map. Read once,
/// projected (longitude scaled by the cosine of London's latitude) and thinned to SVG paths, so a page never parses
/// the 2 MB file.
/// </summary>
public sealed class BoroughBoundaries
{
    public const string SettingName = "Board:BoundaryFile";

    public const double Width = 600;

    private readonly Lazy<(IReadOnlyDictionary<string, string> Paths, double Height, string? Problem)> _loaded;

    public BoroughBoundaries(IConfiguration configuration, ILogger<BoroughBoundaries> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var file = configuration[SettingName];
        _loaded = new(() =>
        {
            if (string.IsNullOrWhiteSpace(file))
            {
                return (new Dictionary<string, string>(), 0, $"no boundary file is configured ({SettingName})");
            }

            try
            {
                var (paths, height) = Load(file);
                return (paths, height, null);
            }
            catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException or KeyNotFoundException or InvalidOperationException)
            {
                logger.LogWarning(ex, "The borough boundary file {File} could not be read; the Places map uses tiles", file);
                return (new Dictionary<string, string>(), 0, $"the boundary file could not be read ({ex.Message})");
            }
        });
    }

    public bool Available => _loaded.Value.Paths.Count > 0;

    /// <summary>Why there are no boundaries, for the page to say; null when there are.</summary>
    public string? Problem => _loaded.Value.Problem;

    /// <summary>SVG path data per GSS code, in a box <see cref="Width"/> wide and <see cref="Height"/> high.</summary>
    public IReadOnlyDictionary<string, string> Paths => _loaded.Value.Paths;

    public double Height => _loaded.Value.Height;

    internal static (Dictionary<string, string> Paths, double Height) Load(string file)
    {
        using var stream = File.OpenRead(file);
        using var document = JsonDocument.Parse(stream);
        var rings = new List<(string Code, List<(double X, double Y)> Ring)>();
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var code = feature.GetProperty("properties").GetProperty("gss_code").GetString()!;
            var geometry = feature.GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() == "MultiPolygon"
                ? geometry.GetProperty("coordinates").EnumerateArray().ToList()
                : [geometry.GetProperty("coordinates")];
            foreach (var polygon in polygons)
            {
                foreach (var ring in polygon.EnumerateArray())
                {
                    rings.Add((code, [.. ring.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble()))]));
                }
            }
        }

        var all = rings.SelectMany(r => r.Ring).ToList();
        var (minX, maxX, minY, maxY) = (all.Min(p => p.X), all.Max(p => p.X), all.Min(p => p.Y), all.Max(p => p.Y));
        var aspect = Math.Cos(51.5 * Math.PI / 180);
        var scale = Width / ((maxX - minX) * aspect);
        var height = (maxY - minY) * scale;
        var paths = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        foreach (var (code, ring) in rings)
        {
            var sb = paths.TryGetValue(code, out var existing) ? existing : paths[code] = new StringBuilder();
            (double X, double Y)? last = null;
            foreach (var (lon, lat) in ring)
            {
                var point = ((lon - minX) * aspect * scale, (maxY - lat) * scale);
                // Thin the outline to what the eye can see at this size: half a unit of the box.
                if (last is { } l && Math.Abs(point.Item1 - l.X) < 0.5 && Math.Abs(point.Item2 - l.Y) < 0.5)
                {
                    continue;
                }

                sb.Append(last is null ? 'M' : 'L').Append(point.Item1.ToString("0.#", CultureInfo.InvariantCulture)).Append(',').Append(point.Item2.ToString("0.#", CultureInfo.InvariantCulture));
                last = point;
            }

            sb.Append('Z');
        }

        return (paths.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal), height);
    }
}
