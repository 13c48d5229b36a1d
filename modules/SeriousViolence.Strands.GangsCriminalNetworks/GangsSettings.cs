using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace SeriousViolence.Strands.GangsCriminalNetworks;

/// <summary>
/// The strand's retention and disclosure settings, from <c>Strands:GangsCriminalNetworks</c>. The DPIA
/// (docs/dpia-gangs-criminal-networks.md) states the defaults; a deployment may shorten them, not remove them.
/// </summary>
public sealed class GangsSettings
{
    /// <summary>A network is next reviewed this many months after it is assessed.</summary>
    public int ReviewMonths { get; init; } = 6;

    /// <summary>A network not reviewed within this many days after its review date is archived by the retention job.</summary>
    public int ArchiveAfterDays { get; init; } = 90;

    /// <summary>An archived or removed network (with its assessments and ledger) is deleted this many months later.</summary>
    public int RetentionMonths { get; init; } = 24;

    /// <summary>In a partner export, a count below this shows as "fewer than N".</summary>
    public int SuppressionThreshold { get; init; } = 5;

    public static GangsSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Strands:GangsCriminalNetworks");
        var defaults = new GangsSettings();
        return new GangsSettings
        {
            ReviewMonths = Read(section, nameof(ReviewMonths), defaults.ReviewMonths, 1, 12),
            ArchiveAfterDays = Read(section, nameof(ArchiveAfterDays), defaults.ArchiveAfterDays, 0, 365),
            RetentionMonths = Read(section, nameof(RetentionMonths), defaults.RetentionMonths, 0, 72),
            SuppressionThreshold = Read(section, nameof(SuppressionThreshold), defaults.SuppressionThreshold, 2, 100),
        };
    }

    private static int Read(IConfigurationSection section, string key, int fallback, int min, int max)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        // A setting outside its range stops start-up rather than silently keeping records longer than the DPIA says.
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new InvalidOperationException($"Strands:GangsCriminalNetworks:{key} is '{text}'; give a whole number from {min} to {max}.");
        }

        return value;
    }
}
