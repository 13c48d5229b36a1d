using SeriousViolence.Plugins.Returns;

namespace SeriousViolence.Strands.SeriousYouthViolence.Returns;

/// <summary>
/// Operation Blunt's activity log, one per borough and month: the knife-crime operation's weapon sweeps, knife arches,
/// test purchases, section 60 searches and the weapons (and knives among them) recovered. Counts of activity only.
/// </summary>
public static class OperationBluntReturn
{
    public const string PagePath = "/strands/serious-youth-violence/operation-blunt";

    public const string WeaponsRecoveredMeasure = "op-blunt-weapons-recovered";

    private const string Activity = "Activity";

    private const string Recovered = "Weapons recovered";

    public static readonly ReturnDefinition Definition = new()
    {
        Key = "operation-blunt",
        Title = "Knife crime activity log (Operation Blunt)",
        Description = "Each borough's month of Operation Blunt (knife crime): weapon sweeps, knife arches deployed, test purchases, stop and search under section 60, and the weapons recovered, knives among them. Prepared by the borough's Operation Blunt officers or the strand's action owners, approved by the strand's lead.",
        PagePath = PagePath,
        Fields =
        [
            new ReturnField("weaponSweeps", "Weapon sweeps", Activity, "Searches of open spaces for hidden weapons."),
            new ReturnField("knifeArches", "Knife arches deployed", Activity, "Each deployment once, however long it ran."),
            new ReturnField("testPurchases", "Test purchases", Activity, "Test purchases of knives from retailers, with Trading Standards."),
            new ReturnField("s60Searches", "Stop and search under s60", Activity, "Searches under section 60 of the Criminal Justice and Public Order Act 1994."),
            new ReturnField("weaponsRecovered", "Weapons recovered", Recovered, "By any of the activity above, knives included."),
            new ReturnField("knivesRecovered", "Of those, knives", Recovered),
        ],
        Rules =
        [
            ReturnRule.AtMost("knivesRecovered", "weaponsRecovered", "Knives recovered are among the weapons recovered, so cannot be more than them."),
        ],
        Measures =
        [
            ReturnMeasure.Count(WeaponsRecoveredMeasure, "weaponsRecovered"),
        ],
        Headline = ["weaponsRecovered", "knivesRecovered", "s60Searches", "weaponSweeps"],
    };
}
