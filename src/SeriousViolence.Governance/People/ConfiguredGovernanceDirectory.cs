using Microsoft.Extensions.Options;

namespace SeriousViolence.Governance.People;

/// <summary>Configuration section <c>Governance:Directory</c>: the Board's members and each strand's leads.</summary>
public sealed class DirectorySettings
{
    public const string Section = "Governance:Directory";

    public List<PersonSetting> Board { get; set; } = [];

    /// <summary>Keyed by strand id (as the strand's descriptor gives it).</summary>
    public Dictionary<string, List<PersonSetting>> StrandLeads { get; set; } = new(StringComparer.Ordinal);
}

public sealed class PersonSetting
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Email { get; set; }
}

/// <summary>The directory as configured; a strand with nobody configured gets no notification, and the log says so.</summary>
public sealed class ConfiguredGovernanceDirectory(IOptionsMonitor<DirectorySettings> settings) : IGovernanceDirectory
{
    public Task<IReadOnlyList<GovernanceRecipient>> StrandLeadsAsync(string strandId, CancellationToken cancellationToken) =>
        Task.FromResult(Map(settings.CurrentValue.StrandLeads.GetValueOrDefault(strandId) ?? []));

    public Task<IReadOnlyList<GovernanceRecipient>> BoardAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Map(settings.CurrentValue.Board));

    private static IReadOnlyList<GovernanceRecipient> Map(List<PersonSetting> people) =>
        [.. people.Where(p => p.Id.Length > 0).Select(p => new GovernanceRecipient(p.Id, p.Name.Length > 0 ? p.Name : p.Id, string.IsNullOrWhiteSpace(p.Email) ? null : p.Email.Trim()))];
}
