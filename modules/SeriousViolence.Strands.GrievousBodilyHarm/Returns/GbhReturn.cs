using SeriousViolence.Plugins.Returns;

namespace SeriousViolence.Strands.GrievousBodilyHarm.Returns;

/// <summary>
/// The monthly GBH return each borough makes: the GBH investigations its supervisors reviewed against the standard
/// operating procedure (and how many complied, and the actions raised), and the month's GBH offences and detections.
/// </summary>
public static class GbhReturn
{
    public const string PagePath = "/strands/gbh/returns";

    public static readonly ReturnDefinition Definition = new()
    {
        Key = "gbh",
        Title = "GBH return",
        Description = "Each borough's month: GBH investigations reviewed against the standard operating procedure, how many complied and the actions raised, and the GBH offences recorded and detected. Prepared by the borough's analysts or the strand's action owners, approved by the strand's lead.",
        PagePath = PagePath,
        Fields =
        [
            new ReturnField("gbhOffences", "GBH offences recorded", "Offences and detections", "In the month, as recorded on CRIS."),
            new ReturnField("gbhDetections", "GBH offences detected", "Offences and detections", "Sanction detections in the month."),
            new ReturnField("investigationsReviewed", "Investigations reviewed", "Review against the SOP"),
            new ReturnField("sopCompliant", "Of those, compliant with the SOP", "Review against the SOP"),
            new ReturnField("actionsRaised", "Actions raised by the reviews", "Review against the SOP"),
        ],
        Rules =
        [
            ReturnRule.AtMost("gbhDetections", "gbhOffences", "Detections cannot be more than the offences recorded in the month."),
            ReturnRule.AtMost("sopCompliant", "investigationsReviewed", "Compliant investigations cannot be more than those reviewed."),
        ],
        Measures =
        [
            ReturnMeasure.Rate("gbh-detection-rate", "gbhDetections", "gbhOffences"),
            ReturnMeasure.Rate("gbh-sop-compliance", "sopCompliant", "investigationsReviewed"),
        ],
        Headline = ["gbhOffences", "gbhDetections", "investigationsReviewed", "sopCompliant"],
    };
}
