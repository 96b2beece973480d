using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Scoring;

using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Tests.Quality;

public sealed class ValueRulesTests
{
    [Theory]
    [InlineData("lots")]
    [InlineData("85 people")]
    [InlineData("1 234")]
    public void Text_that_is_not_a_number_is_rejected_quoting_it(string typed)
    {
        var row = Some.Gate().Check(Some.Row(value: typed));

        var issue = row.Issue(QualityRules.NotANumber);
        Assert.Equal(typed, issue.RawValue);
        Assert.Contains($"'{typed}'", issue.Message, StringComparison.Ordinal);
        Assert.Equal(ReturnColumns.Value, issue.Column);
        Assert.Equal(RowOutcome.Rejected, row.Outcome);
    }

    [Fact]
    public void A_formula_typed_as_text_is_a_non_numeric_value_quoted_as_typed_and_never_evaluated()
    {
        var issue = Some.Gate().Check(Some.Row(value: "=SUM(A1)")).Issue(QualityRules.NotANumber);

        Assert.Equal("=SUM(A1)", issue.RawValue);
        Assert.Contains("'=SUM(A1)' is the text of a formula", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_starting_with_minus_is_a_negative_number_not_a_formula()
    {
        var gate = Some.Context().With(Some.Indicator("HOU-09", unit: Unit.Pounds)).Gate();

        var row = gate.Check(Some.Row("HOU-09", value: "-5"));

        Assert.Empty(row.Issues);
        Assert.Equal(-5m, row.Result!.Value);
    }

    [Fact]
    public void A_date_in_the_value_column_says_excel_may_have_turned_it_into_one()
    {
        var issue = Some.Gate().Check(Some.Row() with { Value = Some.Cell(new DateTime(2025, 2, 1), "d-mmm") }).Issue(QualityRules.NotANumber);

        Assert.Contains("is a date", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("92%", 92)]
    [InlineData("92 %", 92)]
    [InlineData(" 92 ", 92)]
    [InlineData("92.5", 92.5)]
    public void Percentages_typed_as_people_type_them_load_as_0_to_100(string typed, double expected)
    {
        var row = Some.Gate().Check(Some.Row(value: typed));

        Assert.Empty(row.Issues);
        Assert.Equal((decimal)expected, row.Result!.Value);
    }

    [Fact]
    public void A_percent_formatted_cell_holding_0_92_means_92()
    {
        var row = Some.Gate().Check(Some.Row() with { Value = Some.Cell(0.92, "0%") });

        Assert.Empty(row.Issues);
        Assert.Equal(92m, row.Result!.Value);
    }

    [Fact]
    public void Money_typed_with_a_pound_sign_and_commas_loads_as_the_number()
    {
        var row = Some.Gate().Check(Some.Row("HOU-04", period: "2024/25", value: "£1,234.50"));

        Assert.Empty(row.Issues);
        Assert.Equal(1234.5m, row.Result!.Value);
    }

    [Fact]
    public void A_blank_value_with_commentary_is_a_flagged_nil_return()
    {
        var row = Some.Gate().Check(Some.Row(value: null, commentary: "Housing system down all quarter."));

        var issue = row.Issue(QualityRules.NilReturn);
        Assert.Equal(Severity.Warning, issue.Severity);
        Assert.Contains("Housing system down all quarter.", issue.Message, StringComparison.Ordinal);
        Assert.True(row.Result!.IsNilReturn);
        Assert.Null(row.Result.Value);
        Assert.Equal("Housing system down all quarter.", row.Result.Commentary);
    }

    [Theory]
    [InlineData("n/a")]
    [InlineData("-")]
    [InlineData("TBC")]
    public void Filler_typed_for_no_value_counts_as_blank(string typed)
    {
        var row = Some.Gate().Check(Some.Row(value: typed, commentary: "Data not yet validated."));

        Assert.Equal(typed, row.Issue(QualityRules.NilReturn).RawValue);
        Assert.True(row.Result!.IsNilReturn);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("n/a")]
    [InlineData("-")]
    public void A_blank_value_without_a_reason_is_rejected(string? commentary)
    {
        var row = Some.Gate().Check(Some.Row(value: null, commentary: commentary));

        var issue = row.Issue(QualityRules.ValueMissing);
        Assert.Contains("say why there is none in Commentary", issue.Message, StringComparison.Ordinal);
        Assert.Equal(RowOutcome.Rejected, row.Outcome);
    }

    [Theory]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("120%")]
    public void A_percentage_outside_0_to_100_is_impossible(string typed)
    {
        var issue = Some.Gate().Check(Some.Row(value: typed)).Issue(QualityRules.PercentOutOfRange);

        Assert.Equal(typed, issue.RawValue);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100")]
    public void A_percentage_at_either_end_of_0_to_100_is_possible(string typed) =>
        Assert.DoesNotContain(QualityRules.PercentOutOfRange.Id, Some.Gate().Check(Some.Row(value: typed)).RuleIds());

    [Fact]
    public void A_percentage_indicator_allowed_beyond_0_to_100_may_be()
    {
        var gate = Some.Context().With(Some.Indicator("HOU-10", polarity: Polarity.None)).Unbounded("hou-10").Gate();

        Assert.Empty(gate.Check(Some.Row("HOU-10", value: "-12.5%")).Issues);
    }

    [Theory]
    [InlineData("HOU-02", "-3")]
    [InlineData("HOU-03", "-1")]
    public void A_negative_count_or_number_of_days_is_impossible(string code, string typed)
    {
        var period = code == "HOU-03" ? "Sep 2025" : "2025/26 Q2";

        var row = Some.Gate().Check(Some.Row(code, period: period, value: typed));

        Assert.Equal(Severity.Error, row.Issue(QualityRules.NegativeAmount).Severity);
    }

    [Fact]
    public void A_count_with_a_fraction_loads_with_a_warning()
    {
        var row = Some.Gate().Check(Some.Row("HOU-02", value: "12.5"));

        Assert.Equal(Severity.Warning, row.Issue(QualityRules.CountNotWhole).Severity);
        Assert.Equal(12.5m, row.Result!.Value);
    }

    [Fact]
    public void A_whole_count_raises_nothing() =>
        Assert.Empty(Some.Gate().Check(Some.Row("HOU-02", value: "12")).Issues);

    [Theory]
    [InlineData("12%", null)]
    [InlineData(0.12, "0%")]
    public void A_percentage_for_an_indicator_measured_in_another_unit_is_rejected(object typed, string? format)
    {
        var issue = Some.Gate().Check(Some.Row("HOU-02") with { Value = Some.Cell(typed, format) }).Issue(QualityRules.PercentForOtherUnit);

        Assert.Equal("12%", issue.RawValue);
    }

    [Fact]
    public void A_percentage_typed_as_a_fraction_is_flagged_as_possibly_meaning_a_hundred_times_more()
    {
        var row = Some.Gate().Check(Some.Row(value: "0.92"));

        Assert.Contains("If you meant 92%", row.Issue(QualityRules.PercentLooksLikeFraction).Message, StringComparison.Ordinal);
        Assert.Equal(0.92m, row.Result!.Value);
    }

    [Theory]
    [InlineData("0.5%")]
    [InlineData("1")]
    public void A_small_percentage_written_as_one_is_not_flagged(string typed) =>
        Assert.DoesNotContain(QualityRules.PercentLooksLikeFraction.Id, Some.Gate().Check(Some.Row(value: typed)).RuleIds());

    [Fact]
    public void A_small_percentage_confirmed_by_numerator_and_denominator_is_not_flagged() =>
        Assert.DoesNotContain(QualityRules.PercentLooksLikeFraction.Id, Some.Gate().Check(Some.Row(value: "0.92", numerator: "92", denominator: "10000")).RuleIds());
}
