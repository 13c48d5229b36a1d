using SeriousViolence.Plugins.Returns;

namespace SeriousViolence.Strands.Sapphire.Returns;

/// <summary>The strand's monthly Sapphire return, as the strategy describes the strand's work (seeds/003). Counts only, never a person.</summary>
public static class SapphireReturn
{
    public const string PagePath = "/strands/sapphire/returns";

    public static readonly ReturnDefinition Definition = new()
    {
        Key = "sapphire",
        Title = "Sapphire return",
        Description = "Each borough's month of rape and serious sexual offences: offences reported, no-crimed after audit, sanction detections, charges and convictions, and referrals to each of the three Havens. Prepared by the borough's Sapphire unit, approved by the strand's lead.",
        PagePath = PagePath,
        Fields =
        [
            new ReturnField("rapesReported", "Rapes reported", "Offences"),
            new ReturnField("otherSeriousSexualReported", "Other serious sexual offences reported", "Offences"),
            new ReturnField("rapesNoCrimed", "Rapes no-crimed after audit", "Offences"),
            new ReturnField("rapeSanctionDetections", "Rape sanction detections", "Outcomes"),
            new ReturnField("rapeCharges", "Rapes charged", "Outcomes"),
            new ReturnField("rapeConvictions", "Rape convictions", "Outcomes"),
            new ReturnField("havenPaddington", "Referrals to the Haven, Paddington", "Havens referrals"),
            new ReturnField("havenCamberwell", "Referrals to the Haven, Camberwell", "Havens referrals"),
            new ReturnField("havenWhitechapel", "Referrals to the Haven, Whitechapel", "Havens referrals"),
        ],
        Rules =
        [
            new ReturnRule(["rapesNoCrimed"], ["rapesReported"], "No-crimed rapes cannot be more than the rapes reported."),
            new ReturnRule(["rapeSanctionDetections"], ["rapesReported"], "Sanction detections cannot be more than the rapes reported."),
            new ReturnRule(["rapeConvictions"], ["rapeCharges"], "Convictions cannot be more than the rapes charged."),
        ],
        Measures =
        [
            new ReturnMeasure("rape-reports", ["rapesReported", "otherSeriousSexualReported"]),
            new ReturnMeasure("rape-sanction-detection-rate", ["rapeSanctionDetections"], ["rapesReported"]),
            new ReturnMeasure("rape-conviction-rate", ["rapeConvictions"], ["rapeCharges"]),
            new ReturnMeasure("havens-referrals", ["havenPaddington", "havenCamberwell", "havenWhitechapel"]),
        ],
        Headline = ["rapesReported", "rapeSanctionDetections", "rapeCharges", "rapeConvictions"],
    };
}
