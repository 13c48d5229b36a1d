using System.Globalization;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;

namespace SeriousViolence.Strands.SeriousYouthViolence.DiversionSchemes;

/// <summary>A scheme as the lead or an action owner types it: text, validated on the server before anything is stored.</summary>
public sealed class SchemeForm
{
    public const int NameMaxLength = 200;

    public const int PartnerMaxLength = 200;

    /// <summary>The youngest and oldest ages a youth scheme may take (the strategy's young people, to 25).</summary>
    public const int MinAge = 5;

    public const int MaxAge = 25;

    public string Name { get; set; } = "";

    /// <summary>GSS code, e.g. E09000022 (Lambeth).</summary>
    public string Borough { get; set; } = "";

    public string Partner { get; set; } = "";

    public string AgeFrom { get; set; } = "";

    public string AgeTo { get; set; } = "";

    /// <summary>Planned, Active, Paused or Ended.</summary>
    public string Status { get; set; } = nameof(SchemeStatus.Active);

    /// <summary>yyyy-MM-dd.</summary>
    public string LastReviewed { get; set; } = "";

    public string Marking { get; set; } = "OFFICIAL";

    public static SchemeForm From(DiversionScheme s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new SchemeForm
        {
            Name = s.Name, Borough = s.Borough, Partner = s.Partner, AgeFrom = s.AgeFrom.ToString(CultureInfo.InvariantCulture),
            AgeTo = s.AgeTo.ToString(CultureInfo.InvariantCulture), Status = s.Status.ToString(),
            LastReviewed = s.LastReviewed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Marking = s.Marking.Label(),
        };
    }

    /// <summary>Each field's problems, in words the page shows beside the field; empty when the form is valid.</summary>
    internal Dictionary<string, string[]> Validate(DateOnly today, out ParsedScheme parsed)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string? message)
        {
            if (message is not null)
            {
                errors[field] = [message];
            }
        }

        var name = Text(Name, nameof(Name), NameMaxLength, "the scheme's name");
        var borough = (Borough ?? "").Trim();
        if (!SchemeBoroughs.All.ContainsKey(borough))
        {
            Add(nameof(Borough), borough == "E09000001"
                ? "The City of London has its own police force; choose one of the 32 London boroughs."
                : "Choose one of the 32 London boroughs (a GSS code such as E09000022).");
        }

        var partner = Text(Partner, nameof(Partner), PartnerMaxLength, "the partner organisation that runs it");
        var from = Age(AgeFrom, "youngest", nameof(AgeFrom));
        var to = Age(AgeTo, "oldest", nameof(AgeTo));
        if (from is { } f && to is { } t && f > t)
        {
            Add(nameof(AgeTo), $"The oldest age must be at least the youngest ({f}).");
        }

        var status = Enum.GetValues<SchemeStatus>().FirstOrDefault(s => string.Equals(s.ToString(), (Status ?? "").Trim(), StringComparison.Ordinal), (SchemeStatus)(-1));
        if (!Enum.IsDefined(status))
        {
            Add(nameof(Status), "Choose Planned, Active, Paused or Ended.");
        }

        var reviewed = default(DateOnly);
        var reviewedText = (LastReviewed ?? "").Trim();
        if (reviewedText.Length != 10 || !DateOnly.TryParseExact(reviewedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out reviewed))
        {
            Add(nameof(LastReviewed), "Give the date it was last reviewed, e.g. 2026-11-30.");
        }
        else if (reviewed > today)
        {
            Add(nameof(LastReviewed), "The last review cannot be in the future.");
        }
        else if (reviewed.Year < 2000)
        {
            Add(nameof(LastReviewed), "The last review must be in 2000 or later.");
        }

        if (!ProtectiveMarkings.TryParse(Marking, out var marking))
        {
            Add(nameof(Marking), "Choose OFFICIAL or OFFICIAL-SENSITIVE.");
        }

        parsed = new ParsedScheme(name ?? "", borough, partner ?? "", from ?? 0, to ?? 0, status, reviewed, marking);
        return errors;

        // The kit's checks for typed text (present, within length, no control or broken characters); stored trimmed.
        string? Text(string? text, string field, int maxLength, string what)
        {
            var problem = FieldText.Problem(text, maxLength, what);
            Add(field, problem);
            return problem is null ? (text ?? "").Trim() : null;
        }

        int? Age(string? text, string which, string field)
        {
            var value = (text ?? "").Trim();
            if (value.Length is 0 or > 2 || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var age) || age is < MinAge or > MaxAge)
            {
                Add(field, $"Give the {which} age the scheme takes, a whole number from {MinAge} to {MaxAge}.");
                return null;
            }

            return age;
        }
    }
}

internal sealed record ParsedScheme(
    string Name, string Borough, string Partner, int AgeFrom, int AgeTo, SchemeStatus Status, DateOnly LastReviewed, ProtectiveMarking Marking);
