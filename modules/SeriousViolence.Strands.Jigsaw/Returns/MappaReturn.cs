using SeriousViolence.Plugins.Returns;

namespace SeriousViolence.Strands.Jigsaw.Returns;

/// <summary>The strand's monthly MAPPA return, as the strategy describes the strand's work (seeds/003). Counts only, never a person.</summary>
public static class MappaReturn
{
    public const string PagePath = "/strands/jigsaw/mappa";

    public static readonly ReturnDefinition Definition = new()
    {
        Key = "mappa",
        Title = "MAPPA return",
        Description = "Each borough's month of sex and violent offender management under MAPPA: offenders managed by category and level, risk assessments in date, visits due and done, notification breaches, orders applied for and obtained, and RAMP referrals. Prepared by the borough's Jigsaw team, approved by the strand's lead.",
        PagePath = PagePath,
        Fields =
        [
            new ReturnField("rsoLevel1", "Registered sexual offenders: level 1", "Offenders managed"),
            new ReturnField("rsoLevel2", "Registered sexual offenders: level 2", "Offenders managed"),
            new ReturnField("rsoLevel3", "Registered sexual offenders: level 3", "Offenders managed"),
            new ReturnField("vsoLevel1", "Violent and other sexual offenders: level 1", "Offenders managed"),
            new ReturnField("vsoLevel2", "Violent and other sexual offenders: level 2", "Offenders managed"),
            new ReturnField("vsoLevel3", "Violent and other sexual offenders: level 3", "Offenders managed"),
            new ReturnField("odoLevel1", "Other dangerous offenders: level 1", "Offenders managed"),
            new ReturnField("odoLevel2", "Other dangerous offenders: level 2", "Offenders managed"),
            new ReturnField("odoLevel3", "Other dangerous offenders: level 3", "Offenders managed"),
            new ReturnField("riskAssessmentsInDate", "Offenders with a risk assessment in date", "Risk management"),
            new ReturnField("visitsDue", "Home visits due", "Risk management"),
            new ReturnField("visitsDone", "Home visits done", "Risk management"),
            new ReturnField("notificationBreaches", "Notification requirement breaches", "Risk management"),
            new ReturnField("soposApplied", "SOPOs applied for", "Orders"),
            new ReturnField("soposObtained", "SOPOs obtained", "Orders"),
            new ReturnField("notificationOrdersApplied", "Notification orders applied for", "Orders"),
            new ReturnField("notificationOrdersObtained", "Notification orders obtained", "Orders"),
            new ReturnField("foreignTravelOrdersApplied", "Foreign travel orders applied for", "Orders"),
            new ReturnField("foreignTravelOrdersObtained", "Foreign travel orders obtained", "Orders"),
            new ReturnField("rampReferrals", "RAMP referrals", "Orders"),
        ],
        Rules =
        [
            new ReturnRule(["riskAssessmentsInDate"], ["rsoLevel1", "rsoLevel2", "rsoLevel3", "vsoLevel1", "vsoLevel2", "vsoLevel3", "odoLevel1", "odoLevel2", "odoLevel3"], "Risk assessments in date cannot be more than the offenders managed."),
            new ReturnRule(["visitsDone"], ["visitsDue"], "Visits done cannot be more than the visits due."),
            new ReturnRule(["soposObtained"], ["soposApplied"], "SOPOs obtained cannot be more than those applied for."),
            new ReturnRule(["notificationOrdersObtained"], ["notificationOrdersApplied"], "Orders obtained cannot be more than those applied for."),
            new ReturnRule(["foreignTravelOrdersObtained"], ["foreignTravelOrdersApplied"], "Orders obtained cannot be more than those applied for."),
        ],
        Measures =
        [
            new ReturnMeasure("mappa-offenders-managed", ["rsoLevel1", "rsoLevel2", "rsoLevel3", "vsoLevel1", "vsoLevel2", "vsoLevel3", "odoLevel1", "odoLevel2", "odoLevel3"]),
            new ReturnMeasure("mappa-offenders-level-1", ["rsoLevel1", "vsoLevel1", "odoLevel1"]),
            new ReturnMeasure("mappa-offenders-level-2", ["rsoLevel2", "vsoLevel2", "odoLevel2"]),
            new ReturnMeasure("mappa-offenders-level-3", ["rsoLevel3", "vsoLevel3", "odoLevel3"]),
            new ReturnMeasure("mappa-risk-assessments-in-date", ["riskAssessmentsInDate"], ["rsoLevel1", "rsoLevel2", "rsoLevel3", "vsoLevel1", "vsoLevel2", "vsoLevel3", "odoLevel1", "odoLevel2", "odoLevel3"]),
            new ReturnMeasure("mappa-notification-breaches", ["notificationBreaches"]),
        ],
        Headline = ["rsoLevel1", "rsoLevel2", "rsoLevel3", "riskAssessmentsInDate"],
    };
}
