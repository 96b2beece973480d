using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Tests.Scoring;

public sealed class DirectionOfTravelRuleTests
{
    [Theory]
    [InlineData(80, 75, Polarity.HigherIsBetter, DirectionOfTravel.Improving)]
    [InlineData(70, 75, Polarity.HigherIsBetter, DirectionOfTravel.Worsening)]
    [InlineData(75, 75, Polarity.HigherIsBetter, DirectionOfTravel.Steady)]
    [InlineData(12, 15, Polarity.LowerIsBetter, DirectionOfTravel.Improving)]
    [InlineData(18, 15, Polarity.LowerIsBetter, DirectionOfTravel.Worsening)]
    [InlineData(15, 15, Polarity.LowerIsBetter, DirectionOfTravel.Steady)]
    public void Against_the_previous_period_polarity_decides_which_way_is_improving(int current, int previous, Polarity polarity, DirectionOfTravel expected) =>
        Assert.Equal(expected, DirectionOfTravelRule.Evaluate(current, previous, polarity));

    [Fact]
    public void Against_the_same_period_last_year_a_small_fall_in_a_lower_is_better_measure_is_improving() =>
        Assert.Equal(DirectionOfTravel.Improving, DirectionOfTravelRule.Evaluate(20.49m, 20.5m, Polarity.LowerIsBetter));

    [Fact]
    public void Without_polarity_an_unchanged_value_is_steady() =>
        Assert.Equal(DirectionOfTravel.Steady, DirectionOfTravelRule.Evaluate(42m, 42.00m, Polarity.None));

    [Fact]
    public void Without_polarity_a_changed_value_is_not_comparable() =>
        Assert.Equal(DirectionOfTravel.NotComparable, DirectionOfTravelRule.Evaluate(43m, 42m, Polarity.None));

    [Theory]
    [InlineData(null, 42)]
    [InlineData(42, null)]
    [InlineData(null, null)]
    public void A_missing_value_or_comparator_is_not_comparable(int? current, int? comparator) =>
        Assert.Equal(DirectionOfTravel.NotComparable, DirectionOfTravelRule.Evaluate(current, comparator, Polarity.HigherIsBetter));

    [Fact]
    public void Negative_values_compare_by_size_with_their_sign() =>
        Assert.Equal(DirectionOfTravel.Improving, DirectionOfTravelRule.Evaluate(-5m, -10m, Polarity.HigherIsBetter));
}
