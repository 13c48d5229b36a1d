using SeriousViolence.Plugins.Returns;

namespace SeriousViolence.Strands.SeriousYouthViolence.Returns;

/// <summary>
/// The monthly under-20 return each borough makes: victims and accused aged under 20 of serious youth violence as the
/// strategy defines it (seeds/003: "murder, attempted murder, GBH, and weapon-enabled violent crime committed by and
/// against young people under 20"), one count per offence group. Counts only, never about a young person.
/// </summary>
public static class Under20Return
{
    public const string PagePath = "/strands/serious-youth-violence/under-20-returns";

    public const string VictimsMeasure = "syv-victims-under-20";

    public const string AccusedMeasure = "syv-accused-under-20";

    private const string Victims = "Victims aged under 20";

    private const string Accused = "Accused aged under 20";

    public static readonly ReturnDefinition Definition = new()
    {
        Key = "under-20",
        Title = "Serious youth violence return (under 20)",
        Description = "Each borough's month: the victims and the accused aged under 20 of murder, attempted murder, GBH and weapon-enabled violence, the strategy's definition of serious youth violence. Prepared by the borough's analysts or the strand's action owners, approved by the strand's lead.",
        PagePath = PagePath,
        Fields =
        [
            new ReturnField("victimsMurder", "Victims of murder", Victims, "Victims aged under 20 on the day of the offence, offences recorded in the month."),
            new ReturnField("victimsAttemptedMurder", "Victims of attempted murder", Victims),
            new ReturnField("victimsGbh", "Victims of GBH", Victims),
            new ReturnField("victimsWeaponEnabled", "Victims of other weapon-enabled violence", Victims, "Weapon-enabled violence not already counted as murder, attempted murder or GBH."),
            new ReturnField("accusedMurder", "Accused of murder", Accused, "People aged under 20 at the offence, charged or reported for summons in the month."),
            new ReturnField("accusedAttemptedMurder", "Accused of attempted murder", Accused),
            new ReturnField("accusedGbh", "Accused of GBH", Accused),
            new ReturnField("accusedWeaponEnabled", "Accused of other weapon-enabled violence", Accused, "Weapon-enabled violence not already counted as murder, attempted murder or GBH."),
        ],

        // No figure is part of another: a victim and an accused are counted apart, and each offence group once (the
        // hints say so), so the only rules that hold are the kit's own (a whole number, never negative).
        Rules = [],
        Measures =
        [
            ReturnMeasure.Count(VictimsMeasure, "victimsMurder", "victimsAttemptedMurder", "victimsGbh", "victimsWeaponEnabled"),
            ReturnMeasure.Count(AccusedMeasure, "accusedMurder", "accusedAttemptedMurder", "accusedGbh", "accusedWeaponEnabled"),
        ],
        Headline = ["victimsMurder", "victimsWeaponEnabled", "accusedMurder", "accusedWeaponEnabled"],
    };
}
