using Pmf.Pipeline.Quality;

namespace Pmf.Pipeline.Tests.Quality;

public sealed class CodeDistanceTests
{
    [Theory]
    [InlineData("HOU-01", "HOU1")]
    [InlineData("hou 01", "HOU1")]
    [InlineData("HOU-1", "HOU1")]
    [InlineData("HOU-001", "HOU1")]
    [InlineData("HOU-10", "HOU10")]
    [InlineData("HOU-0", "HOU0")]
    [InlineData("A0B", "A0B")]
    public void Codes_compact_to_letters_and_digits_without_leading_zeros(string code, string expected) =>
        Assert.Equal(expected, CodeDistance.Compact(code));

    [Theory]
    [InlineData("HOU1", "HOU1", 0)]
    [InlineData("HUO1", "HOU1", 1)]   // neighbours swapped
    [InlineData("HOU1", "HOU2", 1)]
    [InlineData("HOU", "HOU12", 2)]
    public void Distance_counts_typing_slips(string a, string b, int expected) =>
        Assert.Equal(expected, CodeDistance.Between(a, b));
}
