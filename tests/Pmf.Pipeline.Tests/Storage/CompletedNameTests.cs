using System.Text;
using Pmf.Pipeline.Storage;

namespace Pmf.Pipeline.Tests.Storage;

public sealed class CompletedNameTests
{
    private static readonly DateTimeOffset At = new(2025, 7, 14, 11, 15, 0, TimeSpan.FromHours(1));

    [Fact]
    public void The_stamp_is_utc_to_the_second_before_the_original_name()
    {
        var path = ReturnPath.Parse("HOU/q1.xlsx").Path!;

        Assert.Equal("processed/HOU/20250714T101500Z_q1.xlsx", CompletedName.For(path, ReturnDestination.Processed, At).ToString());
        Assert.Equal("rejected/HOU/20250714T101500Z-2_q1.xlsx", CompletedName.For(path, ReturnDestination.Rejected, At, attempt: 2).ToString());
    }

    [Fact]
    public void A_long_name_is_shortened_keeping_its_extension_and_whole_characters()
    {
        var path = ReturnPath.Parse("HOU/" + string.Concat(Enumerable.Repeat("é😀", 60)) + ".xlsx").Path!;

        var name = CompletedName.For(path, ReturnDestination.Processed, At).Name.Split('/')[1];

        Assert.True(Encoding.UTF8.GetByteCount(name) <= CompletedName.MaxFileNameBytes);
        Assert.StartsWith("20250714T101500Z_é😀", name, StringComparison.Ordinal);
        Assert.EndsWith(".xlsx", name, StringComparison.Ordinal);
        Assert.Equal(name, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(name))); // no half surrogate pair
    }
}
