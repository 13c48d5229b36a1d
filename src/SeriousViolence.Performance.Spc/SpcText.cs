namespace SeriousViolence.Performance.Spc;

/// <summary>
/// The SPC engine's findings in the words a reader of a board pack uses (NHS England's "Making Data Count" names),
/// each with a sentence saying what it means. One place, so that the pages, the tables and the CSV agree.
/// </summary>
public static class SpcText
{
    public static string Classification(PointVariation variation) => variation switch
    {
        PointVariation.SpecialCauseImprovement => "Special cause: improvement",
        PointVariation.SpecialCauseConcern => "Special cause: concern",
        PointVariation.SpecialCauseNeutralHigh => "Special cause: higher (neither better nor worse)",
        PointVariation.SpecialCauseNeutralLow => "Special cause: lower (neither better nor worse)",
        _ => "Common cause",
    };

    /// <summary>A CSS-friendly key for the classification: improvement, concern, neutral or common.</summary>
    public static string Key(PointVariation variation) => variation switch
    {
        PointVariation.SpecialCauseImprovement => "improvement",
        PointVariation.SpecialCauseConcern => "concern",
        PointVariation.SpecialCauseNeutralHigh or PointVariation.SpecialCauseNeutralLow => "neutral",
        _ => "common",
    };

    public static string Rule(SpcRules rule) => rule switch
    {
        SpcRules.OutsideProcessLimits => "Outside the process limits",
        SpcRules.Trend => "Trend: 7 points in a row rising or falling",
        SpcRules.TwoInThree => "2 of 3 points beyond a near limit",
        SpcRules.Shift => "Shift: 7 points in a row on one side of the mean",
        _ => "",
    };

    /// <summary>Every rule the point is part of, most decisive first, separated by "; ".</summary>
    public static string Rules(SpcRules fired) =>
        string.Join("; ", Enum.GetValues<SpcRules>().Where(r => r != SpcRules.None && fired.HasFlag(r)).Select(Rule));

    public static string Variation(VariationIcon icon) => icon switch
    {
        VariationIcon.SpecialCauseImprovementHigh => "Special cause: improvement (high)",
        VariationIcon.SpecialCauseImprovementLow => "Special cause: improvement (low)",
        VariationIcon.SpecialCauseConcernHigh => "Special cause: concern (high)",
        VariationIcon.SpecialCauseConcernLow => "Special cause: concern (low)",
        VariationIcon.SpecialCauseNeitherHigh => "Special cause: higher (neither improvement nor concern)",
        VariationIcon.SpecialCauseNeitherLow => "Special cause: lower (neither improvement nor concern)",
        _ => "Common cause: no significant change",
    };

    /// <summary>The icon in a few words, for a table cell: "Concern (high)".</summary>
    public static string VariationShort(VariationIcon icon) => icon switch
    {
        VariationIcon.SpecialCauseImprovementHigh => "Improvement (high)",
        VariationIcon.SpecialCauseImprovementLow => "Improvement (low)",
        VariationIcon.SpecialCauseConcernHigh => "Concern (high)",
        VariationIcon.SpecialCauseConcernLow => "Concern (low)",
        VariationIcon.SpecialCauseNeitherHigh => "Higher (neither)",
        VariationIcon.SpecialCauseNeitherLow => "Lower (neither)",
        _ => "Common cause",
    };

    public static string VariationMeaning(VariationIcon icon) => icon switch
    {
        VariationIcon.SpecialCauseImprovementHigh => "The latest point is part of a signal that the measure has risen, and higher is better.",
        VariationIcon.SpecialCauseImprovementLow => "The latest point is part of a signal that the measure has fallen, and lower is better.",
        VariationIcon.SpecialCauseConcernHigh => "The latest point is part of a signal that the measure has risen, and higher is worse: look into it.",
        VariationIcon.SpecialCauseConcernLow => "The latest point is part of a signal that the measure has fallen, and lower is worse: look into it.",
        VariationIcon.SpecialCauseNeitherHigh => "The latest point is part of a signal that the measure has risen; neither direction is better for this measure.",
        VariationIcon.SpecialCauseNeitherLow => "The latest point is part of a signal that the measure has fallen; neither direction is better for this measure.",
        _ => "The latest point varies only as much as the measure usually does: no signal of change.",
    };

    /// <summary>improvement, concern, neutral or common: the colour of the variation badge.</summary>
    public static string Key(VariationIcon icon) => icon switch
    {
        VariationIcon.SpecialCauseImprovementHigh or VariationIcon.SpecialCauseImprovementLow => "improvement",
        VariationIcon.SpecialCauseConcernHigh or VariationIcon.SpecialCauseConcernLow => "concern",
        VariationIcon.SpecialCauseNeitherHigh or VariationIcon.SpecialCauseNeitherLow => "neutral",
        _ => "common",
    };

    public static string Assurance(AssuranceIcon icon) => icon switch
    {
        AssuranceIcon.ConsistentlyPasses => "Consistently passes: the target is outside the limits, on the side the process stays clear of",
        AssuranceIcon.ConsistentlyFails => "Consistently fails: the target is outside the limits, beyond what the process reaches",
        AssuranceIcon.HitAndMiss => "Hit and miss: the target is within the limits",
        _ => "No assurance: no target to compare with",
    };

    public static string AssuranceShort(AssuranceIcon icon) => icon switch
    {
        AssuranceIcon.ConsistentlyPasses => "Consistently passes",
        AssuranceIcon.ConsistentlyFails => "Consistently fails",
        AssuranceIcon.HitAndMiss => "Hit and miss",
        _ => "No target",
    };

    public static string AssuranceMeaning(AssuranceIcon icon) => icon switch
    {
        AssuranceIcon.ConsistentlyPasses => "If nothing changes, every future point can be expected to meet the target.",
        AssuranceIcon.ConsistentlyFails => "If nothing changes, the target will not be met: the process itself has to change.",
        AssuranceIcon.HitAndMiss => "If nothing changes, the target will be met in some periods and missed in others, by chance alone.",
        _ => "The measure has no numeric target, or neither direction is better, so there is nothing to assure.",
    };

    public static string Key(AssuranceIcon icon) => icon switch
    {
        AssuranceIcon.ConsistentlyPasses => "improvement",
        AssuranceIcon.ConsistentlyFails => "concern",
        AssuranceIcon.HitAndMiss => "neutral",
        _ => "common",
    };

    public static string Polarity(string polarity) => polarity switch
    {
        "higher-is-better" => "Higher is better",
        "lower-is-better" => "Lower is better",
        _ => "Neither direction is better",
    };

    public static string Unit(string unit) => unit switch
    {
        "rate-per-1000" => "Rate per 1,000",
        "percentage" => "Percentage",
        "days" => "Days",
        _ => "Count",
    };
}
