using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Tests.Scoring;

public sealed class ToleranceTests
{
    [Theory]
    [InlineData(5, 90, 4.5)]
    [InlineData(5, -90, 4.5)]
    [InlineData(5, 0, 0)]
    public void A_percentage_band_is_that_share_of_the_targets_size(decimal percent, decimal target, decimal width) =>
        Assert.Equal(width, Tolerance.Percent(percent).WidthFor(target));

    [Fact]
    public void An_absolute_band_is_the_same_width_whatever_the_target() =>
        Assert.Equal(2m, Tolerance.Absolute(2m).WidthFor(-500m));

    [Fact]
    public void A_tolerance_writes_itself_as_the_catalogue_states_it()
    {
        Assert.Equal("5%", Tolerance.Percent(5m).ToString());
        Assert.Equal("2.5", Tolerance.Absolute(2.5m).ToString());
    }
}
