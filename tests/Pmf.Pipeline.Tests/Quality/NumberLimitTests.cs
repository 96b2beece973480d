using Pmf.Pipeline.Quality;

namespace Pmf.Pipeline.Tests.Quality;

/// <summary>
/// Numbers the gate cannot compute with are a row error the sender is told about (DQ048), and no
/// history, however odd, makes a rule throw: each of these threw OverflowException on 4d4010f.
/// </summary>
public sealed class NumberLimitTests
{
    private const string DecimalMax = "79228162514264337593543950335";

    [Fact]
    public void A_value_at_decimals_limit_is_rejected_with_a_sentence_saying_what_to_do()
    {
        var row = Some.Context().History("HOU-02", "2025/26 Q1", 40m).Gate().Check(Some.Row("HOU-02", value: DecimalMax, row: 7));

        Assert.Equal(RowOutcome.Rejected, row.Outcome);
        var issue = row.Issue(QualityRules.NumberTooLarge);
        Assert.Equal((7, "Value", DecimalMax), (issue.Row, issue.Column, issue.RawValue));
        Assert.Equal($"Value '{DecimalMax}' is too large to be a council's figure (the gate takes numbers below 10^18): check the figure and its units, and send the file again.", issue.Message);
    }

    [Fact]
    public void A_numerator_at_decimals_limit_over_one_is_rejected()
    {
        var row = Some.Gate().Check(Some.Row(value: null, numerator: "79000000000000000000000000000", denominator: "1"));

        Assert.Equal(RowOutcome.Rejected, row.Outcome);
        Assert.Equal("Numerator", row.Issue(QualityRules.NumberTooLarge).Column);
    }

    [Fact]
    public void A_value_worked_out_beyond_decimals_range_is_rejected_on_the_value()
    {
        var row = Some.Gate().Check(Some.Row(value: null, numerator: "5", denominator: "0.0000000000000000000000000001"));

        var issue = row.Issue(QualityRules.NumberTooLarge);
        Assert.Equal(RowOutcome.Rejected, row.Outcome);
        Assert.StartsWith("Numerator 5 ÷ Denominator 0.0000000000000000000000000001 × 100 comes to about 5E+30", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.0000000000000000000000000001", "12")]
    [InlineData("79228162514264337593543950335", "12")]       // loaded before there was a limit
    [InlineData("-79228162514264337593543950335", "999999999999999999")]
    public void Any_history_a_warehouse_holds_is_judged_without_overflow(string previous, string value)
    {
        // The odd value is both the previous quarter and the same quarter last year, so every history rule meets it.
        var odd = decimal.Parse(previous, System.Globalization.CultureInfo.InvariantCulture);
        var context = Some.Context().QuarterlyHistory("HOU-02", 40, 44, 38, odd, 45, 39, 41, odd);

        var row = context.Gate().Check(Some.Row("HOU-02", value: value));

        Assert.Equal(RowOutcome.Loaded, row.Outcome);
        Assert.DoesNotContain(row.Issues, i => i.Severity == Severity.Error);
    }
}
