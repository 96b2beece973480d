using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Tests.Quality;

namespace Pmf.Pipeline.Tests.Calendar;

/// <summary>
/// A form that fits two periods is read as the one that fits the indicator's frequency, when only one
/// does; two fitting readings stay an error. LGBF (Scotland's benchmarking framework) writes financial
/// years as <c>2010-11</c>, which also reads as November 2010.
/// </summary>
public sealed class PeriodReadingsTests
{
    [Theory]
    [InlineData("2010-11", Frequency.Annual, "2010/11")]
    [InlineData("2011-12", Frequency.Annual, "2011/12")]
    [InlineData("2010-11", Frequency.Monthly, "2010/11 M08")] // November 2010
    [InlineData("2011-12", Frequency.Monthly, "2011/12 M09")] // December 2011
    [InlineData("11/12", Frequency.Annual, "2011/12")]
    [InlineData("11/12", Frequency.Monthly, "2012/13 M08")]   // November 2012
    public void A_form_with_one_reading_of_the_indicators_frequency_is_read_as_that_one(string text, Frequency frequency, string key) =>
        Assert.Equal(key, PeriodParser.Parse(text, frequency).Period?.Key);

    [Theory]
    [InlineData("2010-11")]
    [InlineData("11/12")]
    public void The_same_form_without_a_frequency_is_still_refused_as_fitting_two_periods(string text)
    {
        var result = PeriodParser.Parse(text);

        Assert.Null(result.Period);
        Assert.Equal(2, result.Readings.Count);
    }

    [Fact]
    public void A_form_with_no_reading_of_the_indicators_frequency_stays_an_error_naming_both_readings()
    {
        var result = PeriodParser.Parse("2010-11", Frequency.Quarterly);

        Assert.Null(result.Period);
        Assert.Equal("'2010-11' could be the financial year 2010/11 or November 2010; write 2010/11 or Nov 2010.", result.Error);
    }

    [Fact]
    public void Two_readings_of_the_indicators_frequency_stay_an_error()
    {
        var result = PeriodParser.Parse("FY2025", Frequency.Annual);

        Assert.Null(result.Period);
        Assert.Equal(["2024/25", "2025/26"], result.Readings.Select(p => p.Key));
        Assert.Contains("could mean the financial year ending in 2025 (2024/25) or starting in it (2025/26)", result.Error, StringComparison.Ordinal);
    }

    // Aberdeenshire, LGBF C&L01 (cost per attendance at sports facilities, £): value, numerator (£000) and
    // denominator (attendances) as published, with the year as LGBF writes it.
    [Theory]
    [InlineData("2010-11", "4.48", "5641", "1260286", "2010/11")]
    [InlineData("2011-12", "2.88", "5475", "1898433", "2011/12")]
    [InlineData("2012-13", "3.12", "6301", "2019904", "2012/13")]
    public void A_real_annual_return_written_as_LGBF_writes_years_loads_for_its_financial_year(string year, string value, string numerator, string denominator, string key)
    {
        var indicator = Some.Indicator("CL-01", unit: Unit.Pounds, frequency: Frequency.Annual, polarity: Pipeline.Scoring.Polarity.LowerIsBetter, multiplier: 1000m);
        var gate = Some.Context().With(indicator).Gate();

        var row = gate.Check(Some.Row("CL-01", period: year, value: value, numerator: numerator, denominator: denominator));

        Assert.Empty(row.Issues);
        Assert.Equal(key, row.Result!.Period.Key);
    }

    [Fact]
    public void The_same_year_for_a_quarterly_indicator_is_refused_as_unreadable()
    {
        var row = Some.Gate().Check(Some.Row(period: "2010-11"));

        Assert.Contains("could be the financial year 2010/11 or November 2010", row.Issue(QualityRules.PeriodUnreadable).Message, StringComparison.Ordinal);
    }
}
