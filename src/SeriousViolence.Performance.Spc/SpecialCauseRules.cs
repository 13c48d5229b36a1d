namespace SeriousViolence.Performance.Spc;

/// <summary>What the rules found on one point: every rule it is part of, the one that decides, and its direction (+1 high, -1 low).</summary>
internal readonly record struct RuleFinding(SpcRules Fired, SpcRules Deciding, int Direction);

/// <summary>
/// The special-cause rules of NHSRplotthedots' R/ptd_calculate_point_type.R (ptd_special_cause_type and its helpers),
/// applied to one segment, with the run lengths and the two-in-three reading made options.
/// </summary>
internal static class SpecialCauseRules
{
    public static RuleFinding[] Apply(double[] y, SpcSegment limits, SpcOptions options)
    {
        var n = y.Length;
        var side = new int[n];
        var outside = new bool[n];
        var beyondNear = new bool[n];
        for (var i = 0; i < n; i++)
        {
            // relative_to_mean = sign(y - mean): a point exactly on the mean is 0 and belongs to neither side.
            side[i] = Math.Sign(y[i] - limits.Mean);
            outside[i] = y[i] > limits.UpperProcessLimit || y[i] < limits.LowerProcessLimit;
            var beyond = y[i] > limits.UpperNearLimit || y[i] < limits.LowerNearLimit;

            // close_to_limits = !outside_limits & (beyond a near limit): R counts only points between the two limits.
            beyondNear[i] = options.TwoInThreeIncludesBeyondLimits ? beyond : beyond && !outside[i];
        }

        var trend = PartOfTrend(y, options.TrendRunLength);
        var twoInThree = PartOfTwoInThree(beyondNear, side);
        var shift = PartOfShift(side, options.ShiftRunLength);

        var findings = new RuleFinding[n];
        for (var i = 0; i < n; i++)
        {
            var fired = (outside[i] ? SpcRules.OutsideProcessLimits : SpcRules.None)
                | (trend[i] ? SpcRules.Trend : SpcRules.None)
                | (twoInThree[i] ? SpcRules.TwoInThree : SpcRules.None)
                | (shift[i] ? SpcRules.Shift : SpcRules.None);

            // Precedence and direction as ptd_special_cause_type's case_when: outside limits, trend, two-in-three, shift.
            var (deciding, direction) =
                outside[i] ? (SpcRules.OutsideProcessLimits, side[i] == 1 ? 1 : -1)
                : trend[i] ? (SpcRules.Trend, TrendDirection(y, trend, i) == 1 ? 1 : -1)
                : twoInThree[i] ? (SpcRules.TwoInThree, side[i] > 0 ? 1 : -1)
                : shift[i] ? (SpcRules.Shift, side[i] > 0 ? 1 : -1)
                : (SpcRules.None, 0);
            findings[i] = new RuleFinding(fired, deciding, direction);
        }

        return findings;
    }

    /// <summary>
    /// ptd_seven_point_trend + ptd_part_of_seven_trend: a run ends at i when the <paramref name="length"/> points up to i
    /// each rise strictly (or each fall strictly) from the one before; equal neighbours break it. Every point of the run is marked.
    /// </summary>
    private static bool[] PartOfTrend(double[] y, int length)
    {
        var part = new bool[y.Length];
        for (var end = length - 1; end < y.Length; end++)
        {
            var direction = Math.Sign(y[end] - y[end - 1]);
            var run = direction != 0;
            for (var k = end - length + 2; run && k < end; k++)
            {
                run = Math.Sign(y[k] - y[k - 1]) == direction;
            }

            if (run)
            {
                Array.Fill(part, true, end - length + 1, length);
            }
        }

        return part;
    }

    /// <summary>
    /// The direction a trend point is coloured by (the <c>sdy</c> step of ptd_special_cause_type): the step to the next
    /// point when that point is in a trend too, otherwise the step from the previous point. A zero step counts as falling,
    /// as R's <c>ifelse(sdy == 1, "In", "De")</c> does.
    /// </summary>
    private static int TrendDirection(double[] y, bool[] trend, int i) =>
        i + 1 < y.Length && trend[i + 1]
            ? Math.Sign(y[i + 1] - y[i])
            : i > 0 ? Math.Sign(y[i] - y[i - 1]) : 0;

    /// <summary>
    /// ptd_two_in_three + ptd_part_of_two_in_three (after the fix for issue #143): a window of three consecutive points
    /// qualifies when at least two are beyond a near limit and all three are on the same side of the mean; the points of
    /// a qualifying window that are beyond a near limit are marked, the third is not.
    /// </summary>
    private static bool[] PartOfTwoInThree(bool[] beyondNear, int[] side)
    {
        var part = new bool[beyondNear.Length];
        for (var start = 0; start + 2 < beyondNear.Length; start++)
        {
            var count = (beyondNear[start] ? 1 : 0) + (beyondNear[start + 1] ? 1 : 0) + (beyondNear[start + 2] ? 1 : 0);
            var oneSide = Math.Abs(side[start] + side[start + 1] + side[start + 2]) == 3;
            if (count >= 2 && oneSide)
            {
                for (var i = start; i < start + 3; i++)
                {
                    part[i] |= beyondNear[i];
                }
            }
        }

        return part;
    }

    /// <summary>ptd_seven_point_one_side_mean + ptd_part_of_seven_trend: <paramref name="length"/> points in a row on the same side, none on the mean.</summary>
    private static bool[] PartOfShift(int[] side, int length)
    {
        var part = new bool[side.Length];
        for (var end = length - 1; end < side.Length; end++)
        {
            var run = side[end] != 0;
            for (var k = end - length + 1; run && k < end; k++)
            {
                run = side[k] == side[end];
            }

            if (run)
            {
                Array.Fill(part, true, end - length + 1, length);
            }
        }

        return part;
    }
}
