using System.Globalization;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;

namespace SeriousViolence.Strands.ChildAbuse.CaseReviews;

/// <summary>A recommendation as its owner types it: text, validated on the server before anything is parsed or stored.</summary>
public sealed class RecommendationForm
{
    public const int SourceReviewMaxLength = 80;

    public const int TextMaxLength = 2000;

    public const int OwnerMaxLength = 200;

    public const int EvidenceMaxLength = 4000;

    /// <summary>The review's reference, e.g. "SCR 2025/07" or "CSPR Lambeth 2026-02".</summary>
    public string SourceReview { get; set; } = "";

    public string RecommendationText { get; set; } = "";

    public string Owner { get; set; } = "";

    /// <summary>"2026/27 Q3".</summary>
    public string DueQuarter { get; set; } = "";

    /// <summary>Open, InProgress, Implemented or Closed.</summary>
    public string Status { get; set; } = nameof(RecommendationStatus.Open);

    public string Evidence { get; set; } = "";

    public string Marking { get; set; } = "OFFICIAL";

    public static RecommendationForm From(Recommendation r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new RecommendationForm
        {
            SourceReview = r.SourceReview, RecommendationText = r.RecommendationText, Owner = r.Owner, DueQuarter = r.DueQuarter,
            Status = r.Status.ToString(), Evidence = r.Evidence, Marking = r.Marking.Label(),
        };
    }

    /// <summary>Each field's problems, in words the page shows beside the field; empty when the form is valid.</summary>
    internal Dictionary<string, string[]> Validate(DateOnly today, out ParsedRecommendation parsed)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string? message)
        {
            if (message is not null)
            {
                errors[field] = [message];
            }
        }

        var review = FieldText.Clean(SourceReview, SourceReviewMaxLength, "the review reference", out var error, whenMissing: "Give the review's reference, e.g. SCR 2025/07.");
        // A reference has a number in it; a name has none. This keeps a child's name out of the one free-text key.
        if (review is not null && (!review.Any(char.IsAsciiDigit) || !review.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '/' or '-' or '.' or '(' or ')' or '&')))
        {
            error = "Give the review's reference (letters, digits, spaces and / - . ( ) &, with its number, e.g. SCR 2025/07), never a child's name.";
            review = null;
        }

        Add(nameof(SourceReview), error);
        var text = FieldText.Clean(RecommendationText, TextMaxLength, "the recommendation", out error, allowLineBreaks: true, whenMissing: "Give the recommendation as the review words it.");
        Add(nameof(RecommendationText), error);
        var owner = FieldText.Clean(Owner, OwnerMaxLength, "the owner", out error, whenMissing: "Say which unit or role owns it (e.g. CAIC Partnership Team).");
        Add(nameof(Owner), error);

        var due = default(FinancialQuarter);
        var dueText = (DueQuarter ?? "").Trim();
        if (dueText.Length is 0 or > 20 || !TryParseQuarter(dueText, out due))
        {
            Add(nameof(DueQuarter), "Give the quarter it is due in as the action plans write it, e.g. 2026/27 Q3.");
        }
        else if (due < new FinancialQuarter(2000, 1) || due > FinancialQuarter.Containing(today.AddYears(10)))
        {
            Add(nameof(DueQuarter), "The due quarter must be between 2000/01 Q1 and ten years from now.");
        }

        // By exact name only: Enum.TryParse would also take "2" or "Open, Closed".
        var status = Enum.GetValues<RecommendationStatus>().FirstOrDefault(s => string.Equals(s.ToString(), (Status ?? "").Trim(), StringComparison.Ordinal), (RecommendationStatus)(-1));
        if (!Enum.IsDefined(status))
        {
            Add(nameof(Status), "Choose Open, In progress, Implemented or Closed with evidence.");
        }

        var evidence = FieldText.Clean(Evidence, EvidenceMaxLength, "the evidence", out error, required: false, allowLineBreaks: true);
        if (error is null && evidence is { Length: 0 } && status is RecommendationStatus.Implemented or RecommendationStatus.Closed)
        {
            error = $"Give the evidence that it was implemented (document references or links) before marking it {status.Label().ToLowerInvariant()}.";
        }

        Add(nameof(Evidence), error);
        if (!ProtectiveMarkings.TryParse(Marking, out var marking))
        {
            Add(nameof(Marking), "Choose OFFICIAL or OFFICIAL-SENSITIVE.");
        }

        parsed = new ParsedRecommendation(review ?? "", text ?? "", owner ?? "", due, status, evidence ?? "", marking);
        return errors;
    }

    private static bool TryParseQuarter(string text, out FinancialQuarter quarter)
    {
        try
        {
            quarter = FinancialQuarter.Parse(text);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException)
        {
            quarter = default;
            return false;
        }
    }

    internal static string Summary(Recommendation r) =>
        string.Create(CultureInfo.InvariantCulture, $"{r.SourceReview}: due {r.DueQuarter}, {r.Status.Label().ToLowerInvariant()}");
}

internal sealed record ParsedRecommendation(
    string SourceReview, string Text, string Owner, FinancialQuarter DueQuarter, RecommendationStatus Status, string Evidence, ProtectiveMarking Marking);
