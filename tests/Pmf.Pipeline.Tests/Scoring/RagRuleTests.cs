using System.Globalization;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Tests.Scoring;

public sealed class RagRuleTests
{
    [Theory]
    [InlineData("95", RagStatus.Green)]
    [InlineData("90", RagStatus.Green)]
    [InlineData("89.99", RagStatus.Amber)]
    [InlineData("85.5", RagStatus.Amber)]     // exactly target − 5% of target
    [InlineData("85.4999", RagStatus.Red)]
    [InlineData("0", RagStatus.Red)]
    public void Higher_is_better_with_a_five_percent_tolerance_is_amber_down_to_the_boundary_inclusive(string value, RagStatus expected) =>
        Assert.Equal(expected, RagRule.Evaluate(D(value), 90m, Polarity.HigherIsBetter, Tolerance.Percent(5)));

    [Theory]
    [InlineData("9", RagStatus.Green)]
    [InlineData("10", RagStatus.Green)]
    [InlineData("10.01", RagStatus.Amber)]
    [InlineData("10.5", RagStatus.Amber)]     // exactly target + 5% of target
    [InlineData("10.5000001", RagStatus.Red)]
    public void Lower_is_better_with_a_five_percent_tolerance_is_amber_up_to_the_boundary_inclusive(string value, RagStatus expected) =>
        Assert.Equal(expected, RagRule.Evaluate(D(value), 10m, Polarity.LowerIsBetter, Tolerance.Percent(5)));

    [Theory]
    [InlineData("88", Polarity.HigherIsBetter, RagStatus.Amber)]
    [InlineData("87.99", Polarity.HigherIsBetter, RagStatus.Red)]
    [InlineData("92", Polarity.LowerIsBetter, RagStatus.Amber)]
    [InlineData("92.01", Polarity.LowerIsBetter, RagStatus.Red)]
    [InlineData("88", Polarity.LowerIsBetter, RagStatus.Green)]
    public void An_absolute_tolerance_is_a_band_in_the_indicators_unit(string value, Polarity polarity, RagStatus expected) =>
        Assert.Equal(expected, RagRule.Evaluate(D(value), 90m, polarity, Tolerance.Absolute(2)));

    [Theory]
    [InlineData("85", RagStatus.Amber)]       // beyond the 5% band, but within the threshold
    [InlineData("80", RagStatus.Amber)]       // exactly the threshold
    [InlineData("79.99", RagStatus.Red)]
    public void An_amber_threshold_wider_than_the_tolerance_replaces_it(string value, RagStatus expected) =>
        Assert.Equal(expected, RagRule.Evaluate(D(value), 90m, Polarity.HigherIsBetter, Tolerance.Percent(5), amberThreshold: 80m));

    [Theory]
    [InlineData("88", RagStatus.Amber)]
    [InlineData("87.5", RagStatus.Red)]       // within the 5% band, but beyond the threshold
    public void An_amber_threshold_narrower_than_the_tolerance_replaces_it(string value, RagStatus expected) =>
        Assert.Equal(expected, RagRule.Evaluate(D(value), 90m, Polarity.HigherIsBetter, Tolerance.Percent(5), amberThreshold: 88m));

    [Theory]
    [InlineData("12", RagStatus.Amber)]
    [InlineData("12.01", RagStatus.Red)]
    [InlineData("10", RagStatus.Green)]
    public void An_amber_threshold_for_lower_is_better_sits_above_the_target(string value, RagStatus expected) =>
        Assert.Equal(expected, RagRule.Evaluate(D(value), 10m, Polarity.LowerIsBetter, Tolerance.None, amberThreshold: 12m));

    [Fact]
    public void An_amber_threshold_on_the_better_side_of_the_target_leaves_no_amber() =>
        Assert.Equal(RagStatus.Red, RagRule.Evaluate(89.99m, 90m, Polarity.HigherIsBetter, Tolerance.Percent(5), amberThreshold: 95m));

    [Theory]
    [InlineData("-100", RagStatus.Green)]
    [InlineData("-50", RagStatus.Green)]
    [InlineData("-105", RagStatus.Amber)]     // the band is 5% of the target's size
    [InlineData("-105.01", RagStatus.Red)]
    public void A_negative_target_for_higher_is_better_takes_its_band_from_the_targets_size(string value, RagStatus expected) =>
        Assert.Equal(expected, RagRule.Evaluate(D(value), -100m, Polarity.HigherIsBetter, Tolerance.Percent(5)));

    [Theory]
    [InlineData("-3", RagStatus.Green)]
    [InlineData("-2", RagStatus.Green)]
    [InlineData("-1.8", RagStatus.Amber)]
    [InlineData("-1.79", RagStatus.Red)]
    public void A_negative_target_for_lower_is_better_is_amber_just_above_it(string value, RagStatus expected) =>
        Assert.Equal(expected, RagRule.Evaluate(D(value), -2m, Polarity.LowerIsBetter, Tolerance.Percent(10)));

    [Theory]
    [InlineData("0", RagStatus.Green)]
    [InlineData("0.0001", RagStatus.Red)]
    public void A_zero_target_has_no_percentage_band(string value, RagStatus expected) =>
        Assert.Equal(expected, RagRule.Evaluate(D(value), 0m, Polarity.LowerIsBetter, Tolerance.Percent(5)));

    [Theory]
    [InlineData("1", RagStatus.Amber)]
    [InlineData("1.01", RagStatus.Red)]
    public void A_zero_target_with_an_absolute_tolerance_has_a_band(string value, RagStatus expected) =>
        Assert.Equal(expected, RagRule.Evaluate(D(value), 0m, Polarity.LowerIsBetter, Tolerance.Absolute(1)));

    [Fact]
    public void No_tolerance_makes_anything_worse_than_target_red() =>
        Assert.Equal(RagStatus.Red, RagRule.Evaluate(89.999m, 90m, Polarity.HigherIsBetter, Tolerance.None));

    [Theory]
    [InlineData(null, "90", Polarity.HigherIsBetter)]
    [InlineData("80", null, Polarity.HigherIsBetter)]
    [InlineData("80", "90", Polarity.None)]
    public void No_value_no_target_or_no_polarity_is_data_only(string? value, string? target, Polarity polarity) =>
        Assert.Equal(RagStatus.DataOnly, RagRule.Evaluate(N(value), N(target), polarity, Tolerance.Percent(5)));

    private static decimal D(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static decimal? N(string? text) => text is null ? null : D(text);
}
