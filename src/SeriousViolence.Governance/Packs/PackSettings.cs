using SeriousViolence.Abstractions;

namespace SeriousViolence.Governance.Packs;

/// <summary>Configuration section <c>Governance:Packs</c>.</summary>
public sealed class PackSettings
{
    public const string Section = "Governance:Packs";

    /// <summary>The marking on the cover and every page: the pack lists exceptions by strand, so OFFICIAL-SENSITIVE by default.</summary>
    public ProtectiveMarking Marking { get; set; } = ProtectiveMarking.OfficialSensitive;

    /// <summary>The Chromium that prints the pack's HTML to PDF (Debian's package; ./build/test.sh installs it).</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    public TimeSpan PrintTimeout { get; set; } = TimeSpan.FromSeconds(90);
}
