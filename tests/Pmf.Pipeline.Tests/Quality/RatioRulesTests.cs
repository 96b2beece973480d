using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Quality;

using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Tests.Quality;

public sealed class RatioRulesTests
{
    [Theory]
    [InlineData("92", "184", "200")]        // exactly 92
    [InlineData("92.3", "1846", "2000")]    // 92.3 exactly
    [InlineData("92", "1849", "2000")]      // 92.45, typed to a whole number: within half a unit
    [InlineData("92.26", "1846", "2000")]   // 92.3 typed as 92.26: within 0.05
    [InlineData("92%", "184", "200")]
    public void A_value_that_agrees_with_numerator_and_denominator_within_rounding_raises_nothing(string value, string numerator, string denominator)
    {
        var row = Some.Gate().Check(Some.Row(value: value, numerator: numerator, denominator: denominator));

        Assert.Empty(row.Issues);
        Assert.Equal(decimal.Parse(numerator, System.Globalization.CultureInfo.InvariantCulture), row.Result!.Numerator);
        Assert.False(row.Result.IsValueComputed);
    }

    [Theory]
    [InlineData("91", "184", "200")]        // 92
    [InlineData("92", "1851", "2000")]      // 92.55 rounds to 93
    [InlineData("92.2", "1846", "2000")]    // 92.3, typed to one place: more than half a unit off
    public void A_value_that_disagrees_with_numerator_and_denominator_is_rejected(string value, string numerator, string denominator)
    {
        var issue = Some.Gate().Check(Some.Row(value: value, numerator: numerator, denominator: denominator)).Issue(QualityRules.RatioMismatch);

        Assert.Equal(value, issue.RawValue);
        Assert.Contains($"Value '{value}' does not agree with Numerator", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Large_values_are_allowed_a_relative_rounding_of_a_tenth_of_a_percent()
    {
        var gate = Some.Context().With(Some.Indicator("HOU-11", unit: Unit.Ratio)).Gate();

        var row = gate.Check(Some.Row("HOU-11", value: "123,400", numerator: "123456", denominator: "1"));

        Assert.Empty(row.Issues);
    }

    [Fact]
    public void Where_only_numerator_and_denominator_are_given_the_value_is_worked_out_without_a_finding()
    {
        var row = Some.Gate().Check(Some.Row(value: null, numerator: "277", denominator: "300", commentary: null));

        Assert.Empty(row.Issues);
        Assert.Equal(92.333333m, row.Result!.Value);
        Assert.True(row.Result.IsValueComputed);
        Assert.False(row.Result.IsNilReturn);
    }

    [Fact]
    public void A_zero_denominator_is_rejected()
    {
        var issue = Some.Gate().Check(Some.Row(value: "92", numerator: "0", denominator: "0")).Issue(QualityRules.ZeroDenominator);

        Assert.Equal(ReturnColumns.Denominator, issue.Column);
        Assert.Equal("0", issue.RawValue);
    }

    [Fact]
    public void A_numerator_without_a_denominator_is_a_warning_and_the_value_still_loads()
    {
        var row = Some.Gate().Check(Some.Row(value: "92", numerator: "184"));

        Assert.Equal(ReturnColumns.Numerator, row.Issue(QualityRules.RatioIncomplete).Column);
        Assert.Equal(92m, row.Result!.Value);
    }

    [Fact]
    public void A_numerator_that_is_not_a_number_is_rejected_naming_the_numerator_column()
    {
        var issue = Some.Gate().Check(Some.Row(value: "92", numerator: "about 184", denominator: "200")).Issue(QualityRules.NotANumber);

        Assert.Equal(ReturnColumns.Numerator, issue.Column);
        Assert.Equal("about 184", issue.RawValue);
    }

    [Fact]
    public void A_numerator_typed_as_a_percentage_is_rejected()
    {
        var issue = Some.Gate().Check(Some.Row(value: "92", numerator: "92%", denominator: "200")).Issue(QualityRules.NotANumber);

        Assert.Contains("is a percentage", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_worked_out_percentage_over_100_is_impossible()
    {
        var issue = Some.Gate().Check(Some.Row(value: null, numerator: "250", denominator: "200")).Issue(QualityRules.PercentOutOfRange);

        Assert.Contains("125 (worked out from Numerator and Denominator)", issue.Message, StringComparison.Ordinal);
    }
}
