using Pmf.Pipeline.Quality;

using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Tests.Quality;

public sealed class IndicatorRulesTests
{
    [Fact]
    public void A_clean_row_raises_no_issue_and_loads()
    {
        var row = Some.Gate().Check(Some.Row());

        Assert.Empty(row.Issues);
        Assert.Equal(RowOutcome.Loaded, row.Outcome);
        Assert.Equal("HOU-01", row.Result!.IndicatorCode);
    }

    [Fact]
    public void A_row_without_an_indicator_code_is_rejected()
    {
        var row = Some.Gate().Check(Some.Row(indicator: "  "));

        var issue = row.Issue(QualityRules.IndicatorBlank);
        Assert.Equal(ReturnColumns.Indicator, issue.Column);
        Assert.Equal(RowOutcome.Rejected, row.Outcome);
        Assert.Null(row.Result);
    }

    [Theory]
    [InlineData("hou-01")]
    [InlineData("  HOU-01 ")]
    [InlineData("\u00A0Hou-01\u00A0")]
    public void Codes_match_ignoring_case_and_surrounding_spaces(string typed)
    {
        var row = Some.Gate().Check(Some.Row(indicator: typed));

        Assert.Empty(row.Issues);
        Assert.Equal("HOU-01", row.Result!.IndicatorCode);
    }

    [Fact]
    public void An_unknown_code_is_rejected_quoting_it_and_suggesting_the_senders_nearest_code()
    {
        var row = Some.Gate().Check(Some.Row(indicator: "HOU-1"));

        var issue = row.Issue(QualityRules.UnknownIndicator);
        Assert.Equal(Severity.Error, issue.Severity);
        Assert.Equal("HOU-1", issue.RawValue);
        Assert.Contains("'HOU-1'", issue.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean HOU-01?", issue.Message, StringComparison.Ordinal);
        Assert.Equal("Return", issue.Sheet);
        Assert.Equal(2, issue.Row);
    }

    [Fact]
    public void A_code_near_only_another_services_code_gets_no_suggestion()
    {
        var issue = Some.Gate().Check(Some.Row(indicator: "ENV-1")).Issue(QualityRules.UnknownIndicator);

        Assert.DoesNotContain("Did you mean", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_far_from_every_code_gets_no_suggestion()
    {
        var issue = Some.Gate().Check(Some.Row(indicator: "XYZ-99")).Issue(QualityRules.UnknownIndicator);

        Assert.DoesNotContain("Did you mean", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_services_indicator_is_out_of_scope()
    {
        var row = Some.Gate().Check(Some.Row(indicator: "ENV-01"));

        var issue = row.Issue(QualityRules.OutOfScope);
        Assert.Contains("ENV", issue.Message, StringComparison.Ordinal);
        Assert.Equal("ENV-01", issue.IndicatorCode);
        Assert.Equal("2025/26 Q2", issue.PeriodKey);
        Assert.Single(row.Issues);
    }

    [Fact]
    public void A_system_pull_has_no_sender_and_so_no_scope()
    {
        var row = Some.Context().Sender(null).Gate().Check(Some.Row(indicator: "ENV-01"));

        Assert.Empty(row.Issues);
    }

    [Fact]
    public void The_senders_service_matches_ignoring_case()
    {
        var row = Some.Context().Sender("hou").Gate().Check(Some.Row());

        Assert.Empty(row.Issues);
    }

    [Fact]
    public void An_indicator_not_yet_started_in_the_period_is_not_active()
    {
        var gate = Some.Context().With(Some.Indicator("HOU-05", activeFrom: new DateOnly(2026, 4, 1))).Gate();

        var issue = gate.Check(Some.Row(indicator: "HOU-05")).Issue(QualityRules.NotActive);

        Assert.Contains("reported from 1 Apr 2026", issue.Message, StringComparison.Ordinal);
        Assert.Equal(ReturnColumns.Period, issue.Column);
    }

    [Fact]
    public void A_retired_indicator_is_not_active_after_it_was_retired()
    {
        var gate = Some.Context().With(Some.Indicator("HOU-06", activeTo: new DateOnly(2025, 3, 31))).Gate();

        var issue = gate.Check(Some.Row(indicator: "HOU-06")).Issue(QualityRules.NotActive);

        Assert.Contains("retired on 31 Mar 2025", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_indicator_active_for_part_of_the_period_is_active()
    {
        var gate = Some.Context().With(Some.Indicator("HOU-07", activeFrom: new DateOnly(2025, 8, 1))).Gate();

        Assert.Empty(gate.Check(Some.Row(indicator: "HOU-07")).Issues);
    }
}
