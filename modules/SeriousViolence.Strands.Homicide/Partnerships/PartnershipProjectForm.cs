using SeriousViolence.Abstractions;
using SeriousViolence.Strands.Homicide.Records;

namespace SeriousViolence.Strands.Homicide.Partnerships;

/// <summary>A partnership project as the lead types it.</summary>
public sealed class PartnershipProjectForm
{
    public const int NameMaxLength = 120;
    public const int ObjectiveMaxLength = 500;
    public const int EvidenceMaxLength = 1000;

    public string Name { get; set; } = "";

    /// <summary>Partner bodies from <see cref="StrategyPartners.All"/>.</summary>
    public List<string> Partners { get; set; } = [];

    public string Objective { get; set; } = "";

    /// <summary>yyyy-MM-dd.</summary>
    public string StartedOn { get; set; } = "";

    public string Status { get; set; } = ProjectStatuses.Proposed;

    /// <summary>What shows the strand supported it (a meeting, funding, a product), as the lead writes it.</summary>
    public string Evidence { get; set; } = "";

    public string Marking { get; set; } = "OFFICIAL";

    public static PartnershipProjectForm From(PartnershipProject p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new PartnershipProjectForm
        {
            Name = p.Name, Partners = [.. p.Partners], Objective = p.Objective, StartedOn = HomicideFieldText.DateText(p.StartedOn), Status = p.Status,
            Evidence = p.Evidence, Marking = p.Marking.Label(),
        };
    }

    internal Dictionary<string, string[]> Validate(DateOnly today, out ParsedProject parsed)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = (Name ?? "").Trim();
        if (name.Length < 3)
        {
            errors[nameof(Name)] = ["Give the project's name (at least 3 characters)."];
        }
        else if (HomicideFieldText.LineProblem(name, NameMaxLength, "the name") is { } p)
        {
            errors[nameof(Name)] = [p];
        }

        var partners = (Partners ?? []).Select(x => (x ?? "").Trim()).Where(x => x.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var unknown = partners.Where(x => !StrategyPartners.All.Contains(x, StringComparer.Ordinal)).ToList();
        if (partners.Count == 0)
        {
            errors[nameof(Partners)] = ["Choose at least one partner from the strategy's list."];
        }
        else if (unknown.Count > 0)
        {
            errors[nameof(Partners)] = [$"Not in the strategy's partner list: {string.Join(", ", unknown.Select(u => u.Length > 40 ? u[..40] + "…" : u))}. Choose from the list."];
        }

        var objective = (Objective ?? "").Trim();
        if (objective.Length == 0)
        {
            errors[nameof(Objective)] = ["Say what the project is for (its objective)."];
        }
        else if (HomicideFieldText.Problem(objective, ObjectiveMaxLength, "the objective") is { } p)
        {
            errors[nameof(Objective)] = [p];
        }

        DateOnly started = default;
        if (!HomicideFieldText.TryDate(StartedOn, out started))
        {
            errors[nameof(StartedOn)] = ["Give the date the project started (or is to start), e.g. 2026-04-01."];
        }
        else if (started.Year < 2000 || started > today.AddYears(1))
        {
            errors[nameof(StartedOn)] = ["The start must be between 2000 and a year from today."];
        }

        var status = (Status ?? "").Trim();
        if (!ProjectStatuses.Labels.ContainsKey(status))
        {
            errors[nameof(Status)] = ["Choose proposed, active, completed or withdrawn."];
        }
        else if (status is ProjectStatuses.Active or ProjectStatuses.Completed && errors.Count == 0 && started > today)
        {
            errors[nameof(Status)] = ["A project that has not started yet is proposed, not active or completed."];
        }

        var evidence = (Evidence ?? "").Trim();
        if (HomicideFieldText.Problem(evidence, EvidenceMaxLength, "the evidence") is { } e)
        {
            errors[nameof(Evidence)] = [e];
        }
        else if (status == ProjectStatuses.Completed && evidence.Length == 0)
        {
            errors[nameof(Evidence)] = ["Say what shows the completed project was supported (e.g. minutes, a product, funding)."];
        }

        if (!ProtectiveMarkings.TryParse(Marking, out var marking))
        {
            errors[nameof(Marking)] = ["Choose OFFICIAL or OFFICIAL-SENSITIVE."];
        }

        parsed = new ParsedProject(name, [.. StrategyPartners.All.Where(partners.Contains)], objective, started, status, evidence, marking);
        return errors;
    }
}

internal sealed record ParsedProject(string Name, List<string> Partners, string Objective, DateOnly StartedOn, string Status, string Evidence, ProtectiveMarking Marking);
