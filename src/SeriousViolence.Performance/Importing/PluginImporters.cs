using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Platform.Plugins;
using SeriousViolence.Plugins;

namespace SeriousViolence.Performance.Importing;

/// <summary>A plugin's importer with the strand that registered it and the measures that strand owns (all it may feed).</summary>
public sealed record PluginImporter(string StrandId, IObservationImporter Importer, IReadOnlySet<string> OwnedMeasures);

/// <summary>The importers the loaded strand plugins registered, in configuration order, resolved once from DI.</summary>
public sealed class PluginImporters(PluginRegistry plugins, IServiceProvider services)
{
    private readonly Lazy<IReadOnlyList<PluginImporter>> _all = new(() =>
    [
        .. plugins.Importers.Select(i => new PluginImporter(
            i.StrandId,
            (IObservationImporter)services.GetRequiredService(i.Importer),
            plugins.Measures.Where(m => m.OwnerStrandId == i.StrandId).Select(m => m.Measure.Code).ToHashSet(StringComparer.Ordinal))),
    ]);

    public IReadOnlyList<PluginImporter> All => _all.Value;
}

/// <summary>
/// Where a plugin's importer reports into the <see cref="ParseResult"/>: errors and notes as they come; observations
/// only of the measures its own strand owns (any other rejects the file, naming the measure) and only for places the
/// platform charts (London, a borough, a ward; pseudo-boroughs count in London only, so the importer adds them there).
/// </summary>
internal sealed class PluginImportSink(PluginImporter plugin, ParseResult result) : IImportSink
{
    private readonly HashSet<string> _refused = new(StringComparer.Ordinal);

    public void Invalid(int line, string column, string reason) => result.Error(line, column, reason);

    public void Note(string note) => result.Notes.Add(note);

    public void Observation(string measureCode, PeriodKind kind, DateOnly periodStart, string geography, decimal value, decimal? numerator = null, decimal? denominator = null)
    {
        if (!plugin.OwnedMeasures.Contains(measureCode))
        {
            if (_refused.Add(measureCode))
            {
                result.Error(0, "(file)",
                    $"The {plugin.Importer.Format} importer of the strand '{plugin.StrandId}' reported observations of the measure '{measureCode}', " +
                    "which that strand does not own; an importer may feed only its own strand's measures, so nothing was written.");
            }

            return;
        }

        if (geography != Geographies.London && !Geographies.Boroughs.ContainsKey(geography) && !(geography.StartsWith("E05", StringComparison.Ordinal) && geography.Length == 9))
        {
            result.Error(0, "(file)", $"The {plugin.Importer.Format} importer reported '{geography}' for '{measureCode}', which is not 'london', a borough's GSS code (E09...) or a ward code (E05...).");
            return;
        }

        result.Observations[new ObservationKey(measureCode, kind, periodStart, geography)] = new Accumulator { Value = value, Numerator = numerator, Denominator = denominator };
    }
}
