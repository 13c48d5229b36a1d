using SeriousViolence.Abstractions;
using SeriousViolence.Board.Dashboard;
using SeriousViolence.Performance.Spc;
using Xunit;

namespace SeriousViolence.Tests.Unit;

/// <summary>The Board's rules: overdue, the strand RAG roll-up and the exceptions that make the draft agenda.</summary>
public sealed class BoardRulesTests
{
    private static readonly FinancialQuarter Now = new(2026, 3);
    private static readonly string Last = Now.Previous().ToString();

    private static ObjectiveFacts Objective(string status, string? rag = null, string? due = null, string strand = "homicide", string text = "An objective") =>
        new(Guid.NewGuid(), strand, status, rag, due, text);

    private static StrandFacts Strand(string id, int number, params string[] submitted) =>
        new(id, number, id, submitted.ToHashSet(StringComparer.Ordinal));

    private static MeasureFacts Measure(string code, VariationIcon? variation, AssuranceIcon assurance, string strand = "homicide") =>
        new(code, code, [strand], variation, assurance, "2025-11", "12", null);

    [Theory]
    [InlineData("OnTrack", "2026/27 Q2", true)]
    [InlineData("NotStarted", "2025/26 Q4", true)]
    [InlineData("OnTrack", "2026/27 Q3", false)]
    [InlineData("Complete", "2025/26 Q1", false)]
    [InlineData("Cancelled", "2025/26 Q1", false)]
    [InlineData("OnTrack", null, false)]
    [InlineData("OnTrack", "not a quarter", false)]
    public void An_open_objective_due_in_a_quarter_that_has_ended_is_overdue(string status, string? due, bool overdue) =>
        Assert.Equal(overdue, BoardRules.IsOverdue(status, due, Now));

    [Fact]
    public void A_strand_with_a_quarter_or_more_of_its_open_objectives_of_concern_is_red()
    {
        var objectives = new[]
        {
            Objective("OffTrack"), Objective("OnTrack"), Objective("OnTrack"), Objective("OnTrack"),
            Objective("Complete", "Red"), // complete: neither open nor of concern
        };

        Assert.Equal(Rag.Red, BoardRules.RollUp(objectives, missedLastQuarter: false, Now));
    }

    [Fact]
    public void A_strand_with_some_concern_below_a_quarter_is_amber()
    {
        var objectives = new[] { Objective("OnTrack", due: "2026/27 Q1"), Objective("OnTrack"), Objective("OnTrack"), Objective("OnTrack"), Objective("OnTrack") };

        Assert.Equal(Rag.Amber, BoardRules.RollUp(objectives, missedLastQuarter: false, Now));
    }

    [Fact]
    public void A_strand_at_risk_or_that_missed_last_quarter_is_amber_and_otherwise_green()
    {
        Assert.Equal(Rag.Amber, BoardRules.RollUp([Objective("AtRisk"), Objective("OnTrack")], missedLastQuarter: false, Now));
        Assert.Equal(Rag.Amber, BoardRules.RollUp([Objective("OnTrack", "Amber")], missedLastQuarter: false, Now));
        Assert.Equal(Rag.Amber, BoardRules.RollUp([Objective("OnTrack")], missedLastQuarter: true, Now));
        Assert.Equal(Rag.Green, BoardRules.RollUp([Objective("OnTrack", "Green"), Objective("NotStarted"), Objective("Cancelled", "Red")], missedLastQuarter: false, Now));
        Assert.Null(BoardRules.RollUp([], missedLastQuarter: true, Now));
    }

    [Fact]
    public void The_on_track_share_counts_complete_objectives_and_leaves_out_cancelled_ones()
    {
        var share = BoardRules.OnTrackShare([Objective("OnTrack"), Objective("Complete"), Objective("AtRisk"), Objective("NotStarted"), Objective("Cancelled")]);

        Assert.Equal(0.5, share);
    }

    [Fact]
    public void Exceptions_cover_off_track_and_overdue_objectives_failing_measures_and_missed_submissions_and_nothing_else()
    {
        var strands = new[] { Strand("jigsaw", 1, Last), Strand("homicide", 6) };
        var objectives = new[]
        {
            Objective("OffTrack", strand: "jigsaw", text: "off track"),
            Objective("OnTrack", "Red", strand: "jigsaw", text: "red"),
            Objective("OnTrack", due: "2026/27 Q1", strand: "jigsaw", text: "overdue"),
            Objective("OffTrack", due: "2025/26 Q4", strand: "jigsaw", text: "both"),
            Objective("AtRisk", "Amber", strand: "jigsaw", text: "at risk is not an exception"),
            Objective("Complete", "Red", due: "2025/26 Q4", strand: "jigsaw", text: "complete is not an exception"),
        };
        var measures = new[]
        {
            Measure("concern", VariationIcon.SpecialCauseConcernHigh, AssuranceIcon.None),
            Measure("fails", VariationIcon.CommonCause, AssuranceIcon.ConsistentlyFails),
            Measure("improving", VariationIcon.SpecialCauseImprovementLow, AssuranceIcon.ConsistentlyPasses),
            Measure("hit-and-miss", VariationIcon.CommonCause, AssuranceIcon.HitAndMiss),
        };

        var agenda = BoardRules.Exceptions(strands, objectives, measures, Now);

        Assert.Equal(
            [
                (Severity.High, ExceptionKind.MissedSubmission, "homicide"),
                (Severity.High, ExceptionKind.MeasureConcern, "concern"),
                (Severity.High, ExceptionKind.ObjectiveOverdue, "both"),
                (Severity.Medium, ExceptionKind.TargetFailing, "fails"),
                (Severity.Medium, ExceptionKind.ObjectiveOverdue, "overdue"),
                (Severity.Medium, ExceptionKind.ObjectiveOffTrack, "off track"),
                (Severity.Medium, ExceptionKind.ObjectiveOffTrack, "red"),
            ],
            agenda.Select(e => (e.Severity, e.Kind, e.Kind switch
            {
                ExceptionKind.MissedSubmission => e.StrandId!,
                ExceptionKind.MeasureConcern or ExceptionKind.TargetFailing => e.Target,
                _ => e.Detail,
            })));
        Assert.Equal("board/strands/homicide", agenda[0].Link);
        Assert.Equal("measures/concern", agenda[1].Link);
        Assert.StartsWith("board/objectives/", agenda[2].Link, StringComparison.Ordinal);
    }

    [Fact]
    public void A_measure_with_concern_and_a_failing_target_is_one_high_item()
    {
        var agenda = BoardRules.Exceptions([Strand("homicide", 6, Last)], [], [Measure("m", VariationIcon.SpecialCauseConcernLow, AssuranceIcon.ConsistentlyFails)], Now);

        var item = Assert.Single(agenda);
        Assert.Equal(Severity.High, item.Severity);
        Assert.Contains("consistently fails its target", item.Subject, StringComparison.Ordinal);
    }


    [Fact]
    public void A_proxy_measures_signal_is_never_put_to_the_board_as_a_change_while_the_same_signal_in_a_real_measure_is()
    {
        var real = Measure("real", VariationIcon.SpecialCauseConcernHigh, AssuranceIcon.ConsistentlyFails);
        var proxy = Measure("proxy", VariationIcon.SpecialCauseConcernHigh, AssuranceIcon.ConsistentlyFails) with { Proxy = true };

        var agenda = BoardRules.Exceptions([Strand("homicide", 6, Last)], [], [real, proxy], Now);

        var item = Assert.Single(agenda);
        Assert.Equal("measures/real", item.Link);
    }
    [Fact]
    public void A_matter_a_strand_raises_is_on_the_agenda_leading_when_the_strand_calls_it_a_concern_and_never_for_an_unknown_strand()
    {
        var agenda = BoardRules.Exceptions(
            [Strand("child-abuse", 8, Last)], [], [], Now,
            [
                new RaisedFacts("child-abuse", "Serious case review recommendations", "3 recommendations overdue", true, "/strands/child-abuse/recommendations"),
                new RaisedFacts("child-abuse", "Monthly returns", "October's return not approved", false, "javascript:alert(1)"),
                new RaisedFacts("not-loaded", "Anything", "Never shown", true, null),
            ]);

        Assert.Equal(
            [
                (Severity.High, "3 recommendations overdue", "strands/child-abuse/recommendations"),
                (Severity.Medium, "October's return not approved", "board/strands/child-abuse"),
            ],
            agenda.Select(e => (e.Severity, e.Subject, e.Link)));
        Assert.All(agenda, e => Assert.Equal("Raised by the strand", e.KindLabel));
    }

    [Fact]
    public void Every_borough_set_name_in_the_documents_finds_its_area_on_the_tile_map()
    {
        string[] written = ["Brent", "Hackney", "Haringey", "Lambeth", "Southwark", "Tower Hamlets", "Waltham Forest", "Hammersmith and Fulham", "Hammersmith & Fulham", "Croydon", "Lewisham", "Greenwich", "Newham", "Enfield"];

        Assert.All(written, name => Assert.NotNull(LondonAreas.Find(name)));
        Assert.Equal(33, LondonAreas.All.Select(a => a.Code).Distinct().Count());
        Assert.Equal(33, LondonAreas.All.Select(a => (a.Row, a.Column)).Distinct().Count());
        Assert.Null(LondonAreas.Find("Atlantis"));
    }
}
