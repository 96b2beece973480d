using System.Globalization;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Tests.Quality;

public sealed class HistoryRulesTests
{
    // Complaints (HOU-02, no target) for the eight quarters before 2025/26 Q2, oldest first.
    private static readonly decimal[] Complaints = [40, 44, 38, 42, 45, 39, 41, 43];

    private static CheckedRow Complaint(string value, ContextBuilder? context = null) =>
        (context ?? Some.Context().QuarterlyHistory("HOU-02", Complaints)).Gate().Check(Some.Row("HOU-02", value: value));

    [Fact]
    public void A_value_far_from_the_median_of_recent_history_is_an_outlier_warning()
    {
        var row = Complaint("90");

        var issue = row.Issue(QualityRules.Outlier);
        Assert.Equal(Severity.Warning, issue.Severity);
        Assert.Contains("90 is far from what its last 8 periods' results lead one to expect (about 41.5)", issue.Message, StringComparison.Ordinal);
        Assert.Equal(RowOutcome.Loaded, row.Outcome);
    }

    [Theory]
    [InlineData("41")]
    [InlineData("50")]      // z = 8.5 / (1.4826 × MAD 2) ≈ 2.9
    public void A_value_within_the_usual_spread_is_not_an_outlier(string value) =>
        Assert.DoesNotContain(QualityRules.Outlier.Id, Complaint(value).RuleIds());

    [Fact]
    public void Fewer_than_four_earlier_results_are_too_few_to_judge_an_outlier() =>
        Assert.DoesNotContain(QualityRules.Outlier.Id, Complaint("900", Some.Context().QuarterlyHistory("HOU-02", 40, 41, 42)).RuleIds());

    [Fact]
    public void Nil_returns_in_history_do_not_count_towards_the_minimum()
    {
        var context = Some.Context()
            .QuarterlyHistory("HOU-02", 40, 41, 42)
            .History("HOU-02", "2024/25 Q1", null);

        Assert.DoesNotContain(QualityRules.Outlier.Id, Complaint("900", context).RuleIds());
    }

    [Fact]
    public void With_mad_zero_the_scale_floor_stands_in()
    {
        // Median 10 and MAD 0 (most values identical): the spread is the floor, one unit of a count.
        var context = Some.Context().QuarterlyHistory("HOU-02", 10, 10, 10, 10, 14, 10, 10, 10);

        Assert.Contains(QualityRules.Outlier.Id, Complaint("25", context).RuleIds());      // 15 / 1, and more than double
        Assert.DoesNotContain(QualityRules.Outlier.Id, Complaint("13", context).RuleIds()); // 3 / 1
    }

    [Fact]
    public void With_a_flat_history_a_value_beyond_the_floor_is_an_outlier_and_one_within_it_is_not()
    {
        var context = Some.Context().QuarterlyHistory("HOU-02", 10, 10, 10, 10);

        Assert.Contains("(about 10)", Complaint("25", context).Issue(QualityRules.Outlier).Message, StringComparison.Ordinal);
        Assert.DoesNotContain(QualityRules.Outlier.Id, Complaint("20", context).RuleIds()); // double, no more
        Assert.DoesNotContain(QualityRules.Outlier.Id, Complaint("12", context).RuleIds());
        Assert.DoesNotContain(QualityRules.Outlier.Id, Complaint("10", context).RuleIds());
    }

    [Fact]
    public void Outliers_are_judged_against_earlier_rows_of_the_same_file_too()
    {
        var gate = Some.Gate();
        var row = 2;
        foreach (var period in new[] { "2024/25 Q2", "2024/25 Q3", "2024/25 Q4", "2025/26 Q1" })
        {
            gate.Check(Some.Row("HOU-02", period: period, value: $"{38 + row}", row: row++));
        }

        Assert.Contains(QualityRules.Outlier.Id, gate.Check(Some.Row("HOU-02", value: "400", row: row)).RuleIds());
    }

    [Fact]
    public void A_value_more_than_double_the_previous_periods_is_a_large_change()
    {
        var context = Some.Context().History("HOU-02", "2025/26 Q1", 40m);

        var issue = Complaint("90", context).Issue(QualityRules.LargeChangeFromPrevious);

        Assert.Contains("90 is 125% higher than the previous period (2025/26 Q1: 40)", issue.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(QualityRules.LargeChangeFromPrevious.Id, Complaint("70", context).RuleIds()); // 75% higher: real series do that
    }

    [Fact]
    public void A_fall_to_less_than_half_of_the_same_period_last_year_is_a_large_change()
    {
        var context = Some.Context().History("HOU-02", "2024/25 Q2", 40m);

        var issue = Complaint("15", context).Issue(QualityRules.LargeChangeFromLastYear);

        Assert.Contains("lower than the same period last year (2024/25 Q2: 40)", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("55")]      // 37.5%: not large
    [InlineData("80")]      // exactly double: not more than double
    [InlineData("20")]      // exactly half: not less than half
    public void A_change_of_half_or_less_is_not_large(string value) =>
        Assert.DoesNotContain(QualityRules.LargeChangeFromPrevious.Id, Complaint(value, Some.Context().History("HOU-02", "2025/26 Q1", 40m)).RuleIds());

    [Fact]
    public void A_change_within_the_tolerance_band_is_not_large_however_big_in_proportion()
    {
        var indicator = Some.Indicator("HOU-13", unit: Unit.Count, polarity: Polarity.LowerIsBetter, tolerance: Tolerance.Absolute(5));
        var context = Some.Context().With(indicator).History("HOU-13", "2025/26 Q1", 2m);

        Assert.DoesNotContain(QualityRules.LargeChangeFromPrevious.Id, context.Gate().Check(Some.Row("HOU-13", value: "6")).RuleIds());
    }

    [Fact]
    public void A_previous_value_of_zero_has_no_relative_change() =>
        Assert.DoesNotContain(QualityRules.LargeChangeFromPrevious.Id, Complaint("30", Some.Context().History("HOU-02", "2025/26 Q1", 0m)).RuleIds());

    [Fact]
    public void An_annual_indicator_is_compared_with_last_year_once()
    {
        var gate = Some.Context().History("HOU-04", "2023/24", 1000m).Gate();

        var row = gate.Check(Some.Row("HOU-04", period: "2024/25", value: "5000"));

        Assert.Contains(QualityRules.LargeChangeFromPrevious.Id, row.RuleIds());
        Assert.DoesNotContain(QualityRules.LargeChangeFromLastYear.Id, row.RuleIds());
    }

    [Fact]
    public void The_same_value_as_each_of_the_last_three_periods_looks_copied_forward()
    {
        var context = Some.Context().QuarterlyHistory("HOU-02", 37, 37, 37);

        var issue = Complaint("37", context).Issue(QualityRules.CopiedForward);

        Assert.Contains("2025/26 Q1, 2024/25 Q4, 2024/25 Q3", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345678901234567", "12345678901234568")]       // beyond the digits a double holds
    [InlineData("0.1234567890123456789", "0.1234567890123456788")] // more digits than a double holds
    public void Earlier_rows_of_the_file_are_remembered_exactly_whatever_their_digits(string value, string nearlyTheSame)
    {
        // The gate keeps most values compactly; one a double cannot hold must come back whole.
        CheckedRow Fourth(string fourth)
        {
            var gate = Some.Gate();
            var row = 2;
            foreach (var period in new[] { "2024/25 Q3", "2024/25 Q4", "2025/26 Q1" })
            {
                gate.Check(Some.Row("HOU-02", period: period, value: value, row: row++));
            }

            return gate.Check(Some.Row("HOU-02", value: fourth, row: row));
        }

        Assert.Contains(QualityRules.CopiedForward.Id, Fourth(value).RuleIds());
        Assert.DoesNotContain(QualityRules.CopiedForward.Id, Fourth(nearlyTheSame).RuleIds());
    }

    [Fact]
    public void A_value_that_differs_from_any_of_the_last_three_is_not_copied_forward() =>
        Assert.DoesNotContain(QualityRules.CopiedForward.Id, Complaint("38", Some.Context().QuarterlyHistory("HOU-02", 37, 38, 37, 37)).RuleIds());

    [Fact]
    public void Two_identical_earlier_periods_are_too_few_to_call_copied_forward() =>
        Assert.DoesNotContain(QualityRules.CopiedForward.Id, Complaint("37", Some.Context().QuarterlyHistory("HOU-02", 37, 37)).RuleIds());

    [Theory]
    [InlineData("HOU-02", 0)]
    [InlineData("HOU-01", 100)]
    public void Zero_and_a_full_hundred_percent_are_truly_steady_and_never_called_copied_forward(string code, int value)
    {
        var gate = Some.Context().QuarterlyHistory(code, value, value, value).Gate();

        var row = gate.Check(Some.Row(code, value: value.ToString(CultureInfo.InvariantCulture)));

        Assert.DoesNotContain(QualityRules.CopiedForward.Id, row.RuleIds());
    }

    [Fact]
    public void History_rules_do_not_run_on_a_row_that_is_rejected()
    {
        var context = Some.Context().QuarterlyHistory("HOU-02", Complaints);

        var row = context.Gate().Check(Some.Row("HOU-02", value: "-900"));

        Assert.Equal([QualityRules.NegativeAmount.Id], row.RuleIds());
    }
}
