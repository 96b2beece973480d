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

    [Theory]
    [InlineData(Frequency.Monthly)]
    [InlineData(Frequency.Quarterly)]
    [InlineData(Frequency.Annual)]
    public void Previous_and_next_are_the_periods_either_side_by_date_across_year_ends(Frequency frequency)
    {
        // Previous and Next count periods rather than days; they must agree with the calendar everywhere.
        var period = Period.Containing(new DateOnly(2022, 4, 1), frequency);
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(Period.Containing(period.Start.AddDays(-1), frequency), period.Previous());
            Assert.Equal(Period.Containing(period.End.AddDays(1), frequency), period.Next());
            Assert.Equal(Period.Containing(period.Start.AddYears(-1), frequency), period.SameLastYear());
            period = period.Next();
        }
    }

    [Fact]
    public void A_period_outside_the_shared_span_is_still_a_period_equal_to_its_like()
    {
        Assert.Equal(Period.Month(1850, 3), Period.Month(1850, 4).Previous());
        Assert.Equal("1850/51 M03", Period.Month(1850, 3).Key);
        Assert.Same(Period.Month(2025, 1), Period.Month(2025, 2).Previous());
    }
}
