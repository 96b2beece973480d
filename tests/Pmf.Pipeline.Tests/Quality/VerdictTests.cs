using Pmf.Pipeline.Quality;

using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Tests.Quality;

public sealed class VerdictTests
{
    [Fact]
    public void A_clean_file_is_accepted()
    {
        var gate = Some.Gate();

        var rows = gate.Check([
            Some.Row(row: 2),
            Some.Row("HOU-02", value: "12", row: 3),
            Some.Row("HOU-03", period: "Sep 2025", value: "21", row: 4),
            Some.Qualitative(row: 5),
        ]).ToList();
        var summary = gate.Complete();

        Assert.All(rows, r => Assert.Equal(RowOutcome.Loaded, r.Outcome));
        Assert.Equal(GateVerdict.Accepted, summary.Verdict);
        Assert.Equal((4, 4, 0, 0, 0), (summary.RowsChecked, summary.RowsLoaded, summary.RowsRejected, summary.Errors, summary.Warnings));
        Assert.Empty(summary.FileIssues);
    }

    [Fact]
    public void A_file_with_only_warnings_is_accepted_with_warnings_and_everything_loads()
    {
        var gate = Some.Gate();

        gate.Check(Some.Row(value: "80", commentary: null, row: 2));
        gate.Check(Some.Row("HOU-02", value: null, commentary: "System migration.", row: 3));
        var summary = gate.Complete();

        Assert.Equal(GateVerdict.AcceptedWithWarnings, summary.Verdict);
        Assert.Equal((2, 0, 2), (summary.RowsLoaded, summary.Errors, summary.Warnings));
        Assert.Equal(1, summary.IssuesByRule[QualityRules.RedWithoutCommentary.Id]);
        Assert.Equal(1, summary.IssuesByRule[QualityRules.NilReturn.Id]);
    }

    [Fact]
    public void A_file_with_some_rows_rejected_still_loads_the_rest()
    {
        var gate = Some.Gate();

        gate.Check(Some.Row(row: 2));
        gate.Check(Some.Row("NOPE", row: 3));
        var summary = gate.Complete();

        Assert.Equal(GateVerdict.AcceptedWithWarnings, summary.Verdict);
        Assert.Equal((1, 1), (summary.RowsLoaded, summary.RowsRejected));
    }

    [Fact]
    public void A_file_where_every_row_has_an_error_is_rejected_as_nothing_valid()
    {
        var gate = Some.Gate();

        gate.Check(Some.Row("NOPE", row: 2));
        gate.Check(Some.Row(value: "lots", row: 3));
        gate.Check(Some.Row(period: "2026/27 Q1", row: 4));
        var summary = gate.Complete();

        Assert.Equal(GateVerdict.Rejected, summary.Verdict);
        Assert.Equal((0, 3, 3), (summary.RowsLoaded, summary.RowsRejected, summary.Errors));
    }

    [Fact]
    public void A_file_with_no_rows_is_rejected_with_a_file_issue()
    {
        var gate = Some.Gate();

        gate.Check(new Pipeline.Returns.ReturnRow("Return", 5, default, default, default, default, default, default, default, default));
        var summary = gate.Complete();

        Assert.Equal(GateVerdict.Rejected, summary.Verdict);
        Assert.Equal(1, summary.RowsBlank);
        Assert.Equal(QualityRules.NoRows.Id, Assert.Single(summary.FileIssues).RuleId);
    }

    [Fact]
    public void A_structural_issue_rejects_the_file_whatever_its_rows_say()
    {
        var gate = Some.Gate();

        gate.AddFileIssue(StructuralIssues.RequiredColumnMissing("Return", ReturnColumns.Period, ["Quarter", "Month"]));
        var summary = gate.Complete();

        Assert.Equal(GateVerdict.Rejected, summary.Verdict);
        var issue = Assert.Single(summary.FileIssues);
        Assert.Equal((QualityRules.RequiredColumnMissing.Id, Severity.Error, ReturnColumns.Period), (issue.RuleId, issue.Severity, issue.Column));
        Assert.Contains("'Period: 2025/26 Q1'", issue.Message, StringComparison.Ordinal);
        Assert.Contains("(or 'Quarter', 'Month')", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_file_is_rejected_with_the_readers_reason()
    {
        var gate = Some.Gate();

        gate.AddFileIssue(StructuralIssues.Unreadable("the workbook is password-protected."));

        var issue = Assert.Single(gate.Complete().FileIssues);
        Assert.Contains("password-protected. Save it", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Completing_twice_gives_the_same_summary_and_checking_after_completion_is_refused()
    {
        var gate = Some.Gate();
        gate.Check(Some.Row());

        var summary = gate.Complete();

        Assert.Same(summary, gate.Complete());
        Assert.Throws<InvalidOperationException>(() => gate.Check(Some.Row(row: 3)));
    }

    [Fact]
    public void Every_issue_on_a_row_carries_sheet_row_column_raw_value_indicator_and_period()
    {
        var issue = Some.Gate().Check(Some.Row(value: "lots", row: 17, sheet: "KPIs")).Issue(QualityRules.NotANumber);

        Assert.Equal(("KPIs", 17, ReturnColumns.Value, "lots", "HOU-01", "2025/26 Q2"), (issue.Sheet, issue.Row, issue.Column, issue.RawValue, issue.IndicatorCode, issue.PeriodKey));
    }

    [Fact]
    public void An_accepted_result_carries_its_lineage_and_the_senders_words()
    {
        var result = Some.Gate().Check(Some.Row(value: "92", commentary: "  Good quarter. ", remedial: "None needed.", row: 9, sheet: "KPIs")).Result!;

        Assert.Equal(("KPIs", (int?)9, "Good quarter.", "None needed."), (result.Sheet, result.Row, result.Commentary, result.RemedialAction));
    }
}
