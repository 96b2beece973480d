using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Scoring;

using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Tests.Quality;

public sealed class PeriodRulesTests
{
    [Theory]
    [InlineData("2025/26 Q2")]
    [InlineData("Q2 2025/26")]
    [InlineData("2025-26 Q2")]
    [InlineData("Q2 25/26")]
    [InlineData("Jul-Sep 2025")]
    public void Every_quarter_form_reads_as_the_same_period(string typed)
    {
        var row = Some.Gate().Check(Some.Row(period: typed));

        Assert.Empty(row.Issues);
        Assert.Equal("2025/26 Q2", row.Result!.Period.Key);
    }

    [Fact]
    public void An_excel_date_reads_as_the_period_of_the_indicators_frequency_containing_it()
    {
        var gate = Some.Gate();

        var quarterly = gate.Check(Some.Row(row: 2) with { Period = Some.Cell(new DateTime(2025, 8, 14)) });
        var monthly = gate.Check(Some.Row("HOU-03", value: "12", row: 3) with { Period = Some.Cell(new DateTime(2025, 8, 14)) });

        Assert.Equal("2025/26 Q2", quarterly.Result!.Period.Key);
        Assert.Equal("2025/26 M05", monthly.Result!.Period.Key);
    }

    [Fact]
    public void A_blank_period_is_rejected_with_an_example_of_the_indicators_frequency()
    {
        var issue = Some.Gate().Check(Some.Row(period: null)).Issue(QualityRules.PeriodUnreadable);

        Assert.Contains("e.g. 2025/26 Q2", issue.Message, StringComparison.Ordinal);
        Assert.Equal(ReturnColumns.Period, issue.Column);
        Assert.Equal("HOU-01", issue.IndicatorCode);
    }

    [Theory]
    [InlineData("Quarter two")]
    [InlineData("Q5 2025/26")]
    [InlineData("Q2")]                // which year?
    public void An_unreadable_or_ambiguous_period_is_rejected_quoting_it(string typed)
    {
        var issue = Some.Gate().Check(Some.Row(period: typed)).Issue(QualityRules.PeriodUnreadable);

        Assert.Equal(typed, issue.RawValue);
        Assert.Equal(Severity.Error, issue.Severity);
    }

    [Fact]
    public void A_month_for_a_quarterly_indicator_is_the_wrong_frequency()
    {
        var issue = Some.Gate().Check(Some.Row(period: "Aug 2025")).Issue(QualityRules.PeriodWrongFrequency);

        Assert.Contains("HOU-01 is reported quarterly", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_period_not_yet_started_is_in_the_future()
    {
        var issue = Some.Gate().Check(Some.Row(period: "2026/27 Q1")).Issue(QualityRules.PeriodInFuture);

        Assert.Contains("has not started yet", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_period_still_running_is_in_the_future_because_its_figure_is_not_final()
    {
        var issue = Some.Gate().Check(Some.Row(period: "2025/26 Q3")).Issue(QualityRules.PeriodInFuture);

        Assert.Contains("does not end until 31 Dec 2025", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_period_ending_on_the_day_of_checking_has_not_yet_ended()
    {
        var gate = Some.Context().AsOf(new DateOnly(2025, 9, 30)).Gate();

        Assert.Contains(QualityRules.PeriodInFuture.Id, gate.Check(Some.Row()).RuleIds());
    }

    [Fact]
    public void A_period_ended_the_day_before_checking_is_not_in_the_future()
    {
        var gate = Some.Context().AsOf(new DateOnly(2025, 10, 1)).Gate();

        Assert.Empty(gate.Check(Some.Row()).Issues);
    }

    [Fact]
    public void An_indicator_whose_frequency_changed_is_read_at_the_frequency_in_force_for_the_period()
    {
        var monthly = Some.Indicator("HOU-08", frequency: Frequency.Monthly, unit: Unit.Count, polarity: Polarity.None);
        var quarterly = monthly with { Frequency = Frequency.Quarterly };
        var gate = Some.Context()
            .With(monthly, new DateOnly(2000, 4, 1), new DateOnly(2025, 4, 1))
            .With(quarterly, new DateOnly(2025, 4, 1))
            .Gate();

        var old = gate.Check(Some.Row("HOU-08", period: "Feb 2025", value: "10", row: 2));
        var current = gate.Check(Some.Row("HOU-08", period: "2025/26 Q1", value: "10", row: 3));

        Assert.Equal("2024/25 M11", old.Result!.Period.Key);
        Assert.Equal("2025/26 Q1", current.Result!.Period.Key);
    }
}
