using SeriousViolence.Plugins.Returns;

namespace SeriousViolence.Strands.DomesticViolenceHateCrime.Returns;

/// <summary>The strand's monthly Community Safety Unit return, as the strategy describes the strand's work (seeds/003). Counts only, never a person.</summary>
public static class CsuReturn
{
    public const string PagePath = "/strands/dv-hate-crime/csu";

    public static readonly ReturnDefinition Definition = new()
    {
        Key = "csu",
        Title = "Community Safety Unit return",
        Description = "Each borough Community Safety Unit's month: domestic violence offences, arrests where a power of arrest existed (SPI 8a), sanction detections, charges, repeat victims, serious offences, offenders brought to justice, MARAC referrals and hate crime by strand. Prepared by the CSU, approved by the strand's lead.",
        PagePath = PagePath,
        Fields =
        [
            new ReturnField("dvOffences", "Domestic violence offences", "Domestic violence"),
            new ReturnField("dvArrestable", "Of those, offences with a power of arrest", "Domestic violence", "The SPI 8a denominator."),
            new ReturnField("dvArrests", "Arrests where a power of arrest existed", "Domestic violence"),
            new ReturnField("dvSanctionDetections", "Sanction detections", "Domestic violence"),
            new ReturnField("dvCharges", "Charges", "Domestic violence"),
            new ReturnField("dvVictims", "Victims", "Domestic violence"),
            new ReturnField("dvRepeatVictims", "Of those, repeat victims", "Domestic violence"),
            new ReturnField("dvSeriousOffences", "Serious offences", "Domestic violence"),
            new ReturnField("dvOffendersBroughtToJustice", "Offenders brought to justice", "Domestic violence"),
            new ReturnField("maracReferrals", "MARAC referrals", "Domestic violence"),
            new ReturnField("hateRacist", "Racist and religious hate crime", "Hate crime"),
            new ReturnField("hateFaith", "Faith hate crime", "Hate crime"),
            new ReturnField("hateHomophobic", "Homophobic hate crime", "Hate crime"),
            new ReturnField("hateDisability", "Disability hate crime", "Hate crime"),
            new ReturnField("hateTransgender", "Transgender hate crime", "Hate crime"),
            new ReturnField("hateSanctionDetections", "Hate crime sanction detections", "Hate crime"),
            new ReturnField("hateCharges", "Hate crime charges", "Hate crime"),
        ],
        Rules =
        [
            new ReturnRule(["dvArrestable"], ["dvOffences"], "Offences with a power of arrest cannot be more than the offences."),
            new ReturnRule(["dvArrests"], ["dvArrestable"], "Arrests cannot be more than the offences with a power of arrest (SPI 8a)."),
            new ReturnRule(["dvSanctionDetections"], ["dvOffences"], "Sanction detections cannot be more than the offences."),
            new ReturnRule(["dvCharges"], ["dvOffences"], "Charges cannot be more than the offences."),
            new ReturnRule(["dvRepeatVictims"], ["dvVictims"], "Repeat victims cannot be more than the victims."),
            new ReturnRule(["dvSeriousOffences"], ["dvOffences"], "Serious offences cannot be more than the offences."),
            new ReturnRule(["hateSanctionDetections"], ["hateRacist", "hateFaith", "hateHomophobic", "hateDisability", "hateTransgender"], "Sanction detections cannot be more than the hate crimes recorded."),
            new ReturnRule(["hateCharges"], ["hateRacist", "hateFaith", "hateHomophobic", "hateDisability", "hateTransgender"], "Charges cannot be more than the hate crimes recorded."),
        ],
        Measures =
        [
            new ReturnMeasure("domestic-violence-reported", ["dvOffences"]),
            new ReturnMeasure("hate-crime-reported", ["hateRacist", "hateFaith", "hateHomophobic", "hateDisability", "hateTransgender"]),
            new ReturnMeasure("dv-arrest-rate", ["dvArrests"], ["dvArrestable"]),
            new ReturnMeasure("dv-sanction-detection-rate", ["dvSanctionDetections"], ["dvOffences"]),
            new ReturnMeasure("dv-charge-rate", ["dvCharges"], ["dvOffences"]),
            new ReturnMeasure("dv-repeat-victimisation-rate", ["dvRepeatVictims"], ["dvVictims"]),
            new ReturnMeasure("hate-crime-sanction-detection-rate", ["hateSanctionDetections"], ["hateRacist", "hateFaith", "hateHomophobic", "hateDisability", "hateTransgender"]),
        ],
        Headline = ["dvOffences", "dvArrests", "dvSanctionDetections", "maracReferrals"],
    };
}
