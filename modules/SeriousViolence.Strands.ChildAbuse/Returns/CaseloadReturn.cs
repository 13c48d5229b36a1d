using SeriousViolence.Plugins.Returns;

namespace SeriousViolence.Strands.ChildAbuse.Returns;

/// <summary>
/// The Child Abuse Investigation Command's monthly return, made once for the force: referrals, offences by type,
/// sanction detections for intrafamilial rape and intrafamilial child homicide, and individuals with a sexual interest
/// in children disrupted, by type of disruption. Counts only: never a child, a family or a suspect.
/// </summary>
public static class CaseloadReturn
{
    public const string PagePath = "/strands/child-abuse/returns";

    public static readonly ReturnDefinition Definition = new()
    {
        Key = "caic",
        Title = "Child Abuse Investigation Command return",
        Description = "The command's month for London: referrals, offences by type, sanction detections for intrafamilial rape and intrafamilial child homicide, and individuals with a sexual interest in children disrupted. Prepared by the command's performance team, approved by the strand's lead.",
        Coverage = ReturnCoverage.Force,
        PagePath = PagePath,
        Fields =
        [
            new ReturnField("referrals", "Referrals received", "Referrals and offences"),
            new ReturnField("intrafamilialRapes", "Intrafamilial rapes recorded", "Referrals and offences"),
            new ReturnField("otherSexualOffences", "Other sexual offences against children recorded", "Referrals and offences"),
            new ReturnField("physicalAbuseOffences", "Physical abuse offences recorded", "Referrals and offences"),
            new ReturnField("neglectOffences", "Neglect and cruelty offences recorded", "Referrals and offences"),
            new ReturnField("intrafamilialChildHomicides", "Intrafamilial child homicides recorded", "Referrals and offences"),
            new ReturnField("intrafamilialRapeSanctionDetections", "Intrafamilial rape sanction detections", "Sanction detections"),
            new ReturnField("intrafamilialChildHomicideSanctionDetections", "Intrafamilial child homicide sanction detections", "Sanction detections"),
            new ReturnField("disruptedArrestCharge", "Disrupted by arrest or charge", "Individuals with a sexual interest in children disrupted"),
            new ReturnField("disruptedCivilOrder", "Disrupted by a civil order (e.g. a sexual harm prevention order)", "Individuals with a sexual interest in children disrupted"),
            new ReturnField("disruptedOther", "Disrupted in another way (e.g. a warning notice)", "Individuals with a sexual interest in children disrupted"),
        ],
        Rules =
        [
            ReturnRule.AtMost("intrafamilialRapeSanctionDetections", "intrafamilialRapes", "Sanction detections cannot be more than the intrafamilial rapes recorded in the month."),
            ReturnRule.AtMost("intrafamilialChildHomicideSanctionDetections", "intrafamilialChildHomicides", "Sanction detections cannot be more than the intrafamilial child homicides recorded in the month."),
        ],
        Measures =
        [
            ReturnMeasure.Rate("intrafamilial-rape-sanction-detection", "intrafamilialRapeSanctionDetections", "intrafamilialRapes"),
            ReturnMeasure.Rate("intrafamilial-child-homicide-sanction-detection", "intrafamilialChildHomicideSanctionDetections", "intrafamilialChildHomicides"),
            ReturnMeasure.Count("child-sexual-interest-disruptions", "disruptedArrestCharge", "disruptedCivilOrder", "disruptedOther"),
            ReturnMeasure.Count("child-abuse-referrals", "referrals"),
        ],
        Headline = ["referrals", "intrafamilialRapes", "intrafamilialRapeSanctionDetections", "disruptedArrestCharge"],
    };
}
