using SeriousViolence.Abstractions;
using SeriousViolence.Strands.Homicide.Records;

namespace SeriousViolence.Strands.Homicide.Fiu;

/// <summary>An FIU request as the person types it; times are London wall-clock times (yyyy-MM-ddTHH:mm).</summary>
public sealed class FiuRequestForm
{
    public string RequestType { get; set; } = "";

    public string ReceivedAt { get; set; } = "";

    /// <summary>Empty until the FIU has responded.</summary>
    public string RespondedAt { get; set; } = "";

    /// <summary>The unit or role that responded (one of <see cref="FiuRequestTypes.Responders"/>).</summary>
    public string RespondedBy { get; set; } = "";

    public string Marking { get; set; } = "OFFICIAL";

    public static FiuRequestForm From(FiuRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new FiuRequestForm
        {
            RequestType = r.RequestType, ReceivedAt = HomicideFieldText.LondonText(r.ReceivedAt),
            RespondedAt = r.RespondedAt is { } at ? HomicideFieldText.LondonText(at) : "", RespondedBy = r.RespondedBy ?? "", Marking = r.Marking.Label(),
        };
    }

    internal Dictionary<string, string[]> Validate(DateTimeOffset now, out ParsedFiuRequest parsed)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var type = (RequestType ?? "").Trim();
        if (!FiuRequestTypes.Labels.ContainsKey(type))
        {
            errors[nameof(RequestType)] = ["Choose the type of request: a cash seizure, or advice or assistance to an SIO/IO/MIT."];
        }

        DateTimeOffset? received = null;
        if ((ReceivedAt ?? "").Trim().Length == 0)
        {
            errors[nameof(ReceivedAt)] = ["Give the date and time the request was received."];
        }
        else if (!HomicideFieldText.TryLondonTime(ReceivedAt, out var r))
        {
            errors[nameof(ReceivedAt)] = ["Give the date and time received as 2026-03-14T09:30 (London time)."];
        }
        else if (r > now)
        {
            errors[nameof(ReceivedAt)] = ["The time received cannot be in the future."];
        }
        else
        {
            received = r;
        }

        DateTimeOffset? responded = null;
        var respondedText = (RespondedAt ?? "").Trim();
        if (respondedText.Length > 0)
        {
            if (!HomicideFieldText.TryLondonTime(respondedText, out var at))
            {
                errors[nameof(RespondedAt)] = ["Give the date and time of the response as 2026-03-14T11:00 (London time), or leave it empty."];
            }
            else if (at > now)
            {
                errors[nameof(RespondedAt)] = ["The response time cannot be in the future."];
            }
            else if (received is { } rec && at < rec)
            {
                errors[nameof(RespondedAt)] = [$"The response cannot come before the request was received ({HomicideFieldText.LondonDisplay(rec)})."];
            }
            else
            {
                responded = at;
            }
        }

        var by = (RespondedBy ?? "").Trim();
        if (HomicideFieldText.LineProblem(by, 100, "who responded") is { } problem)
        {
            errors[nameof(RespondedBy)] = [problem];
        }
        else if (by.Length > 0 && !FiuRequestTypes.Responders.Contains(by, StringComparer.Ordinal))
        {
            errors[nameof(RespondedBy)] = ["Choose the unit or role that responded from the list (never a person's name)."];
        }
        else if (respondedText.Length > 0 && by.Length == 0)
        {
            errors[nameof(RespondedBy)] = ["Say which unit or role responded."];
        }
        else if (respondedText.Length == 0 && by.Length > 0)
        {
            errors[nameof(RespondedAt)] = ["Give the time of the response, or leave who responded empty."];
        }

        if (!ProtectiveMarkings.TryParse(Marking, out var marking))
        {
            errors[nameof(Marking)] = ["Choose OFFICIAL or OFFICIAL-SENSITIVE."];
        }

        parsed = new ParsedFiuRequest(type, received ?? default, responded, by.Length == 0 ? null : by, marking);
        return errors;
    }
}

internal sealed record ParsedFiuRequest(string RequestType, DateTimeOffset ReceivedAt, DateTimeOffset? RespondedAt, string? RespondedBy, ProtectiveMarking Marking);
