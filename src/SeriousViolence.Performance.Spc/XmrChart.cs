using System.Globalization;

namespace SeriousViolence.Performance.Spc;

/// <summary>
/// XmR (individuals) chart, analysed by NHS England's "Making Data Count" method as NHSRplotthedots 0.2.x implements it
/// (nhs-r-community/NHSRplotthedots: R/ptd_spc_standard.R for the limits, R/ptd_calculate_point_type.R for the rules,
/// R/ptd_calculate_assurance_type.R and R/geom_ptd_icon.R for the icons, R/ptd_add_short_group_warnings.R for trial limits).
/// Arithmetic is in double and nothing is rounded; rounding is for display. R's mean() sums in extended precision, so
/// results can differ from R in the last bits, which matters only for a value within an ulp of a limit or the mean.
/// </summary>
public static class XmrChart
{
    /// <summary>3 / d2 with d2 = 1.128 for ranges of two points: limits at mean ± 2.66 × mean moving range (≈3σ).</summary>
    public const double ProcessLimitFactor = 2.66;

    /// <summary>Two thirds of the process-limit distance (≈2σ): ptd_spc_standard's <c>limitclose &lt;- 2 * (limit / 3)</c>.</summary>
    public const double NearLimitFactor = 2 * (ProcessLimitFactor / 3);

    /// <summary>The upper range limit D4 = 3.267 × mean moving range; screening keeps only ranges strictly below it.</summary>
    public const double MovingRangeScreenFactor = 3.267;

    public static SpcResult Analyse(IReadOnlyList<SpcPoint> points, SpcOptions options)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var starts = SegmentStarts(points, options.RebaseAt);

        var results = new List<SpcPointResult>(points.Count);
        var segments = new List<SpcSegment>(starts.Count);
        var warnings = new List<string>();
        for (var s = 0; s < starts.Count; s++)
        {
            var first = starts[s];
            var end = s + 1 < starts.Count ? starts[s + 1] : points.Count;
            var values = new double[end - first];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = points[first + i].Value;
            }

            var segment = Limits(s, first, values, options);
            segments.Add(segment);
            if (segment.IsTrial)
            {
                // NHSRplotthedots: "Some groups have 'n < 12' observations. These have trial limits, which will be revised
                // with each additional observation until 'n = fix_after_n_points' has been reached."
                warnings.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The segment from {points[first].Period} has {segment.Count} points, fewer than {options.TrialLimitThreshold}: its limits are trial limits, to be revised with each additional point."));
            }

            // Rules see one segment at a time, so no run crosses a rebase (ptd_calculate_point_type groups by rebase_group).
            var findings = SpecialCauseRules.Apply(values, segment, options);
            for (var i = 0; i < values.Length; i++)
            {
                results.Add(new SpcPointResult
                {
                    Index = first + i,
                    Period = points[first + i].Period,
                    Value = values[i],
                    Segment = s,
                    IsTrial = segment.IsTrial,
                    Mean = segment.Mean,
                    LowerProcessLimit = segment.LowerProcessLimit,
                    UpperProcessLimit = segment.UpperProcessLimit,
                    LowerNearLimit = segment.LowerNearLimit,
                    UpperNearLimit = segment.UpperNearLimit,
                    RulesFired = findings[i].Fired,
                    DecidingRule = findings[i].Deciding,
                    Variation = Classify(findings[i], options.Polarity),
                });
            }
        }

        return new SpcResult
        {
            Points = results,
            Segments = segments,
            Variation = VariationIconOf(results[^1].Variation, options.Polarity),
            Assurance = AssuranceIconOf(options, segments[^1]),
            Warnings = warnings,
        };
    }

    private static List<int> SegmentStarts(IReadOnlyList<SpcPoint> points, IReadOnlyCollection<string> rebaseAt)
    {
        if (points.Count == 0)
        {
            throw new ArgumentException("An SPC chart needs at least one point.", nameof(points));
        }

        var indexOf = new Dictionary<string, int>(points.Count, StringComparer.Ordinal);
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i] ?? throw new ArgumentException($"Point {i} is null.", nameof(points));
            if (point.Period is null)
            {
                throw new ArgumentException($"Point {i} has no period.", nameof(points));
            }

            if (!double.IsFinite(point.Value))
            {
                throw new ArgumentException($"The value for {point.Period} is not a finite number.", nameof(points));
            }

            if (!indexOf.TryAdd(point.Period, i))
            {
                throw new ArgumentException($"The period {point.Period} appears twice.", nameof(points));
            }
        }

        var starts = new SortedSet<int> { 0 };
        foreach (var period in rebaseAt)
        {
            // NHSRplotthedots ignores a rebase date that matches no point; a mistyped period should not pass unnoticed.
            if (period is null || !indexOf.TryGetValue(period, out var index))
            {
                throw new ArgumentException($"Cannot rebase at {period ?? "null"}: no point has that period.", nameof(rebaseAt));
            }

            // Rebasing at the first point is allowed and changes nothing, as in NHSRplotthedots.
            starts.Add(index);
        }

        return [.. starts];
    }

    /// <summary>ptd_spc_standard, for one rebase group.</summary>
    private static SpcSegment Limits(int number, int firstIndex, double[] y, SpcOptions options)
    {
        // fix_y: only the first fix_after_n_points of the group feed the mean and the moving ranges.
        var baseline = Math.Min(options.FixAfterPoints ?? y.Length, y.Length);
        var sum = 0.0;
        for (var i = 0; i < baseline; i++)
        {
            sum += y[i];
        }

        var mean = sum / baseline;
        var ranges = new List<double>(Math.Max(baseline - 1, 0));
        for (var i = 1; i < baseline; i++)
        {
            ranges.Add(Math.Abs(y[i] - y[i - 1]));
        }

        var meanRange = MeanOrNaN(ranges);
        var screened = 0;
        if (options.ScreenMovingRanges)
        {
            // One pass, as in R: keep mr < 3.267 * amr, then average what is kept. Ranges equal to the limit go too, and
            // a constant series (amr = 0) keeps none, leaving NaN limits, exactly as NHSRplotthedots does.
            var upperRangeLimit = MovingRangeScreenFactor * meanRange;
            var kept = ranges.Where(r => r < upperRangeLimit).ToList();
            screened = ranges.Count - kept.Count;
            meanRange = MeanOrNaN(kept);
        }

        return new SpcSegment
        {
            Number = number,
            FirstIndex = firstIndex,
            Count = y.Length,
            BaselineCount = baseline,
            Mean = mean,
            MeanMovingRange = meanRange,
            ScreenedMovingRanges = screened,
            LowerProcessLimit = mean - (ProcessLimitFactor * meanRange),
            UpperProcessLimit = mean + (ProcessLimitFactor * meanRange),
            LowerNearLimit = mean - (NearLimitFactor * meanRange),
            UpperNearLimit = mean + (NearLimitFactor * meanRange),
            IsTrial = y.Length < options.TrialLimitThreshold,
        };
    }

    private static double MeanOrNaN(List<double> values) => values.Count == 0 ? double.NaN : values.Average();

    /// <summary>ptd_point_type: the deciding rule's direction, oriented by polarity.</summary>
    private static PointVariation Classify(RuleFinding finding, Polarity polarity)
    {
        if (finding.Deciding == SpcRules.None)
        {
            return PointVariation.CommonCause;
        }

        return polarity switch
        {
            Polarity.Neutral => finding.Direction > 0 ? PointVariation.SpecialCauseNeutralHigh : PointVariation.SpecialCauseNeutralLow,
            Polarity.HigherIsBetter => finding.Direction > 0 ? PointVariation.SpecialCauseImprovement : PointVariation.SpecialCauseConcern,
            _ => finding.Direction < 0 ? PointVariation.SpecialCauseImprovement : PointVariation.SpecialCauseConcern,
        };
    }

    /// <summary>geom_ptd_icon.R's variation_icon_file: improvement is high when higher is better, concern the opposite.</summary>
    private static VariationIcon VariationIconOf(PointVariation latest, Polarity polarity) => latest switch
    {
        PointVariation.SpecialCauseNeutralHigh => VariationIcon.SpecialCauseNeitherHigh,
        PointVariation.SpecialCauseNeutralLow => VariationIcon.SpecialCauseNeitherLow,
        PointVariation.SpecialCauseImprovement => polarity == Polarity.HigherIsBetter
            ? VariationIcon.SpecialCauseImprovementHigh
            : VariationIcon.SpecialCauseImprovementLow,
        PointVariation.SpecialCauseConcern => polarity == Polarity.HigherIsBetter
            ? VariationIcon.SpecialCauseConcernLow
            : VariationIcon.SpecialCauseConcernHigh,
        _ => VariationIcon.CommonCause,
    };

    /// <summary>
    /// ptd_calculate_assurance_type, on the latest segment's limits: strict comparisons, so a target exactly on a limit
    /// is hit and miss. NaN limits (a one-point segment) compare false and so also give hit and miss, as in R.
    /// </summary>
    private static AssuranceIcon AssuranceIconOf(SpcOptions options, SpcSegment latest)
    {
        if (options.Target is not { } target || options.Polarity == Polarity.Neutral)
        {
            return AssuranceIcon.None;
        }

        var higherIsBetter = options.Polarity == Polarity.HigherIsBetter;
        if (target > latest.UpperProcessLimit)
        {
            return higherIsBetter ? AssuranceIcon.ConsistentlyFails : AssuranceIcon.ConsistentlyPasses;
        }

        if (target < latest.LowerProcessLimit)
        {
            return higherIsBetter ? AssuranceIcon.ConsistentlyPasses : AssuranceIcon.ConsistentlyFails;
        }

        return AssuranceIcon.HitAndMiss;
    }
}
