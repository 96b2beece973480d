using Pmf.Pipeline.Quality;

using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Tests.Quality;

public sealed class DuplicateRulesTests
{
    [Fact]
    public void The_same_values_twice_is_a_warning_and_the_first_row_loads_once()
    {
        var gate = Some.Gate();

        var first = gate.Check(Some.Row(value: "92", row: 2));
        var again = gate.Check(Some.Row(value: "92%", commentary: "Typed twice.", row: 5));
        var summary = gate.Complete();

        Assert.Equal(RowOutcome.Loaded, first.Outcome);
        Assert.Equal(RowOutcome.Repeat, again.Outcome);
        Assert.Null(again.Result);
        Assert.Contains("row 2", again.Issue(QualityRules.RepeatedRow).Message, StringComparison.Ordinal);
        Assert.Equal((1, 1, 0), (summary.RowsLoaded, summary.RowsRepeated, summary.RowsRejected));
        Assert.Equal(GateVerdict.AcceptedWithWarnings, summary.Verdict);
    }

    [Fact]
    public void Different_values_for_one_indicator_and_period_reject_both_rows_and_withdraw_the_first()
    {
        var gate = Some.Gate();

        var first = gate.Check(Some.Row(value: "92", row: 2));
        var second = gate.Check(Some.Row(value: "85", row: 7));
        var summary = gate.Complete();

        Assert.Equal(RowOutcome.Loaded, first.Outcome);
        Assert.Equal(RowOutcome.Rejected, second.Outcome);
        Assert.Contains("row 2 (value 92)", second.Issue(QualityRules.ConflictingRows).Message, StringComparison.Ordinal);
        var withdrawn = Assert.Single(summary.Withdrawn);
        Assert.Equal(new WithdrawnResult("HOU-01", "2025/26 Q2", "Return", 2), withdrawn);
        var late = Assert.Single(summary.FileIssues);
        Assert.Equal((QualityRules.ConflictingRows.Id, 2), (late.RuleId, late.Row));
        Assert.Contains("row 7", late.Message, StringComparison.Ordinal);
        Assert.Equal((0, 2), (summary.RowsLoaded, summary.RowsRejected));
        Assert.Equal(GateVerdict.Rejected, summary.Verdict);
    }

    [Fact]
    public void Once_rows_conflict_every_further_row_for_the_key_is_rejected_even_one_repeating_the_first()
    {
        var gate = Some.Gate();

        gate.Check(Some.Row(value: "92", row: 2));
        gate.Check(Some.Row(value: "85", row: 3));
        var third = gate.Check(Some.Row(value: "92", row: 4));

        Assert.Equal(RowOutcome.Rejected, third.Outcome);
        Assert.Contains(QualityRules.ConflictingRows.Id, third.RuleIds());
        Assert.Single(gate.Complete().Withdrawn);
    }

    [Fact]
    public void A_conflict_with_a_row_already_rejected_withdraws_nothing()
    {
        var gate = Some.Gate();

        gate.Check(Some.Row(value: "lots", row: 2));
        var second = gate.Check(Some.Row(value: "85", row: 3));

        Assert.Contains(QualityRules.ConflictingRows.Id, second.RuleIds());
        Assert.Empty(gate.Complete().Withdrawn);
    }

    [Fact]
    public void A_repeat_of_a_rejected_row_shows_the_same_errors_and_does_not_load()
    {
        var gate = Some.Gate();

        gate.Check(Some.Row(value: "lots", row: 2));
        var again = gate.Check(Some.Row(value: "lots", row: 3));

        Assert.Equal(RowOutcome.Rejected, again.Outcome);
        Assert.Equal([QualityRules.RepeatedRow.Id, QualityRules.NotANumber.Id], again.RuleIds());
    }

    [Fact]
    public void A_repeat_that_differs_from_a_rejected_first_row_only_in_its_reason_loads_in_its_place()
    {
        var gate = Some.Gate();

        var first = gate.Check(Some.Row(value: null, commentary: null, row: 2));
        var again = gate.Check(Some.Row(value: null, commentary: "Validation not finished.", row: 3));
        var later = gate.Check(Some.Row(value: null, commentary: "Still not finished.", row: 4));

        Assert.Equal(RowOutcome.Rejected, first.Outcome);
        Assert.Equal(RowOutcome.Loaded, again.Outcome);
        Assert.True(again.Result!.IsNilReturn);
        Assert.Contains("only one row is needed", again.Issue(QualityRules.RepeatedRow).Message, StringComparison.Ordinal);
        Assert.Equal(RowOutcome.Repeat, later.Outcome);
        Assert.Contains("row 3 (with its commentary) is recorded once", later.Issue(QualityRules.RepeatedRow).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_for_different_periods_or_indicators_are_not_duplicates()
    {
        var gate = Some.Gate();

        var rows = new[]
        {
            gate.Check(Some.Row(period: "2025/26 Q1", value: "92", row: 2)),
            gate.Check(Some.Row(period: "2025/26 Q2", value: "92", row: 3)),
            gate.Check(Some.Row("HOU-02", value: "92", row: 4)),
        };

        Assert.All(rows, r => Assert.Empty(r.Issues));
    }

    [Fact]
    public void The_same_period_written_two_ways_is_the_same_key()
    {
        var gate = Some.Gate();

        gate.Check(Some.Row(period: "2025/26 Q2", row: 2));
        var again = gate.Check(Some.Row(period: "Jul-Sep 2025", row: 3));

        Assert.Equal(RowOutcome.Repeat, again.Outcome);
    }

    [Fact]
    public void Qualitative_duplicates_compare_statuses_as_matched()
    {
        var gate = Some.Gate();

        gate.Check(Some.Qualitative("On track", row: 2));
        var repeat = gate.Check(Some.Qualitative("on-track", row: 3));
        var conflict = gate.Check(Some.Qualitative("At risk", row: 4));

        Assert.Equal(RowOutcome.Repeat, repeat.Outcome);
        Assert.Equal(ReturnColumns.Status, conflict.Issue(QualityRules.ConflictingRows).Column);
    }
}
