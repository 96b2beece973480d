using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Sources;

namespace Pmf.Pipeline.Tests.Sources;

public sealed class OpenPeriodsTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 23);

    [Fact]
    public void A_first_pull_asks_for_every_ended_period_since_the_start_of_last_financial_year()
    {
        var periods = OpenPeriods.For(new SourceDefinition(), [Frequency.Quarterly], AsOf, finalThrough: null);

        Assert.Equal(["2025/26 Q1", "2025/26 Q2", "2025/26 Q3", "2025/26 Q4", "2026/27 Q1", "2026/27 Q2"], periods.Select(p => p.Key));
    }

    [Fact]
    public void A_period_that_has_not_ended_is_not_asked_for()
    {
        var periods = OpenPeriods.For(new SourceDefinition(), [Frequency.Monthly, Frequency.Annual], AsOf, new DateOnly(2026, 9, 15));

        Assert.Equal(["2026/27 M06", "2026/27 M07"], periods.Select(p => p.Key));
    }

    [Fact]
    public void The_watermark_moves_to_open_days_before_the_pull_and_never_back()
    {
        var source = new SourceDefinition { OpenDays = 60 };

        Assert.Equal(new DateOnly(2026, 9, 24), OpenPeriods.NextWatermark(source, AsOf, new DateOnly(2026, 6, 30)));
        Assert.Equal(new DateOnly(2026, 10, 31), OpenPeriods.NextWatermark(source, AsOf, new DateOnly(2026, 10, 31)));
    }

    [Fact]
    public void A_URL_with_the_period_placeholder_is_asked_once_per_period_and_others_once_for_the_range()
    {
        var periods = OpenPeriods.For(new SourceDefinition(), [Frequency.Monthly], AsOf, new DateOnly(2026, 8, 31));
        var perPeriod = new SourceDefinition { Kind = SourceKinds.Rest, Rest = new RestSource { Url = "https://h/kpis?p={period}" } };
        var ranged = new SourceDefinition { Kind = SourceKinds.Sql };

        Assert.Equal(["2026/27 M06", "2026/27 M07"], OpenPeriods.Windows(perPeriod, periods).Select(w => w.PeriodKey));
        Assert.Equal(new SourceWindow(new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 31), null), Assert.Single(OpenPeriods.Windows(ranged, periods)));
    }

    [Fact]
    public void Placeholders_are_filled_and_escaped()
    {
        var url = RestUrl.Fill("https://h/kpis?from={periodStart}&to={periodEnd}&p={period}", new SourceWindow(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), "2026/27 M07"));

        Assert.Equal("https://h/kpis?from=2026-10-01&to=2026-10-31&p=2026%2F27%20M07", url);
    }
}
