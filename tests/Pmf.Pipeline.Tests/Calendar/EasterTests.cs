using Pmf.Pipeline.Calendar;

namespace Pmf.Pipeline.Tests.Calendar;

public sealed class EasterTests
{
    [Theory]
    [InlineData(1818, 3, 22)]
    [InlineData(1943, 4, 25)]
    [InlineData(2000, 4, 23)]
    [InlineData(2008, 3, 23)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void Sunday_follows_the_Gregorian_computus_including_the_earliest_and_latest_dates(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), Easter.Sunday(year));
}
