using Pmf.Pipeline.Calendar;

namespace Pmf.Pipeline.Tests.Calendar;

public sealed class PeriodTests
{
    [Fact]
    public void Quarter_four_runs_January_to_March_of_the_next_calendar_year()
    {
        var q4 = Period.Quarter(2025, 4);
        Assert.Equal(new DateOnly(2026, 1, 1), q4.Start);
        Assert.Equal(new DateOnly(2026, 3, 31), q4.End);
        Assert.Equal("2025/26 Q4", q4.Key);
    }

    [Fact]
    public void March_is_month_twelve_of_the_financial_year_that_began_the_April_before()
    {
        var march = Period.Containing(new DateOnly(2026, 3, 15), Frequency.Monthly);
        Assert.Equal("2025/26 M12", march.Key);
        Assert.Equal("2025/26 M11", march.Previous().Key);
        Assert.Equal("2026/27 M01", march.Next().Key);
    }

    [Fact]
    public void SortKey_gives_the_year_then_quarter_then_month_a_distinct_number()
    {
        Assert.Equal(202500, Period.Annual(2025).SortKey);
        Assert.Equal(202511, Period.Quarter(2025, 1).SortKey);
        Assert.Equal(202532, Period.Month(2025, 12).SortKey);
    }
}
