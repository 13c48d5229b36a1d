using SeriousViolence.Abstractions;
using SeriousViolence.Strands.Homicide.Records;

namespace SeriousViolence.Strands.Homicide.Investigations;

/// <summary>An investigation as the person types it: text, validated on the server before anything is parsed or stored.</summary>
public sealed class InvestigationForm
{
    public const int OperationNameMaxLength = 60;

    /// <summary>A pseudonymous reference, "Operation Ashdown"; never a victim's or suspect's name.</summary>
    public string OperationName { get; set; } = "";

    /// <summary>yyyy-MM-dd.</summary>
    public string OpenedOn { get; set; } = "";

    /// <summary>GSS code of the borough (E09...).</summary>
    public string Borough { get; set; } = "";

    public string Status { get; set; } = InvestigationStatuses.Open;

    public string DetectedOn { get; set; } = "";

    public string ChargedOn { get; set; } = "";

    /// <summary>Empty while not concluded at court.</summary>
    public string Outcome { get; set; } = "";

    public string DebriefedOn { get; set; } = "";

    public string Marking { get; set; } = "OFFICIAL";

    public static InvestigationForm From(Investigation i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return new InvestigationForm
        {
            OperationName = i.OperationName, OpenedOn = HomicideFieldText.DateText(i.OpenedOn), Borough = i.Borough, Status = i.Status,
            DetectedOn = HomicideFieldText.DateText(i.DetectedOn), ChargedOn = HomicideFieldText.DateText(i.ChargedOn), Outcome = i.Outcome ?? "",
            DebriefedOn = HomicideFieldText.DateText(i.DebriefedOn), Marking = i.Marking.Label(),
        };
    }

    /// <summary>Each field's problems, in words the page shows beside the field; empty when the form is valid.</summary>
    internal Dictionary<string, string[]> Validate(DateOnly today, out ParsedInvestigation parsed)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = (OperationName ?? "").Trim();
        if (name.Length == 0)
        {
            errors[nameof(OperationName)] = ["Give the operation name, e.g. Operation Ashdown."];
        }
        else if (HomicideFieldText.LineProblem(name, OperationNameMaxLength, "the operation name") is { } nameProblem)
        {
            errors[nameof(OperationName)] = [nameProblem];
        }
        else if (!HomicideFieldText.OperationName().IsMatch(name))
        {
            errors[nameof(OperationName)] = ["Give the operation's pseudonymous reference: the word Operation and its name (letters only), e.g. Operation Ashdown. Never a victim's or suspect's name."];
        }

        var borough = (Borough ?? "").Trim();
        if (!Geographies.Boroughs.ContainsKey(borough))
        {
            errors[nameof(Borough)] = ["Choose one of London's 33 boroughs (a GSS code such as E09000008)."];
        }

        var opened = Date(nameof(OpenedOn), OpenedOn, "the date the investigation opened", today, required: true, errors);
        if (opened is { Year: < 2000 })
        {
            errors[nameof(OpenedOn)] = ["The investigation must have opened in 2000 or later."];
            opened = null;
        }

        var status = (Status ?? "").Trim();
        if (!InvestigationStatuses.Labels.ContainsKey(status))
        {
            errors[nameof(Status)] = ["Choose open, detected or closed."];
        }

        var detected = NotBeforeOpened(nameof(DetectedOn), DetectedOn, "the detection date", "The investigation cannot be detected before it opened", opened, today, errors);
        var charged = NotBeforeOpened(nameof(ChargedOn), ChargedOn, "the charge date", "A charge cannot come before the investigation opened", opened, today, errors);
        var debriefed = NotBeforeOpened(nameof(DebriefedOn), DebriefedOn, "the debrief date", "The debrief cannot be held before the investigation opened", opened, today, errors);
        if (status == InvestigationStatuses.Detected && detected is null && !errors.ContainsKey(nameof(DetectedOn)))
        {
            errors[nameof(DetectedOn)] = ["A detected investigation needs the date it was detected."];
        }

        var outcome = (Outcome ?? "").Trim();
        if (outcome.Length > 0 && !InvestigationOutcomes.Labels.ContainsKey(outcome))
        {
            errors[nameof(Outcome)] = ["Choose an outcome at court from the list, or none yet."];
        }
        else if (outcome.Length > 0 && charged is null && !errors.ContainsKey(nameof(ChargedOn)))
        {
            errors[nameof(Outcome)] = [outcome is InvestigationOutcomes.Murder or InvestigationOutcomes.Manslaughter
                ? "A conviction needs a charge: give the date someone was charged first."
                : "An outcome at court needs a charge: give the date someone was charged first."];
        }

        if (!ProtectiveMarkings.TryParse(Marking, out var marking))
        {
            errors[nameof(Marking)] = ["Choose OFFICIAL or OFFICIAL-SENSITIVE."];
        }

        parsed = new ParsedInvestigation(name, opened ?? default, borough, status, detected, charged, outcome.Length == 0 ? null : outcome, debriefed, marking);
        return errors;
    }

    private static DateOnly? Date(string field, string? text, string what, DateOnly today, bool required, Dictionary<string, string[]> errors)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0)
        {
            if (required)
            {
                errors[field] = [$"Give {what} (yyyy-mm-dd)."];
            }

            return null;
        }

        if (!HomicideFieldText.TryDate(t, out var date))
        {
            errors[field] = [$"Give {what} as a date, e.g. 2026-03-14."];
            return null;
        }

        if (date > today)
        {
            errors[field] = [$"{char.ToUpperInvariant(what[0])}{what[1..]} cannot be in the future."];
            return null;
        }

        return date;
    }

    private static DateOnly? NotBeforeOpened(string field, string? text, string what, string beforeOpened, DateOnly? opened, DateOnly today, Dictionary<string, string[]> errors)
    {
        var date = Date(field, text, what, today, required: false, errors);
        if (date is { } d && opened is { } o && d < o)
        {
            errors[field] = [$"{beforeOpened} ({HomicideFieldText.DateDisplay(o)})."];
            return null;
        }

        return date;
    }
}

internal sealed record ParsedInvestigation(
    string OperationName, DateOnly OpenedOn, string Borough, string Status, DateOnly? DetectedOn, DateOnly? ChargedOn, string? Outcome, DateOnly? DebriefedOn, ProtectiveMarking Marking);
