using Pmf.Pipeline.Calendar;

namespace Pmf.Pipeline.Tests.Calendar;

public sealed class PeriodParserTests
{
    [Theory]
    [InlineData("2025/26 Q1")]
    [InlineData("Q1 2025/26")]
    [InlineData("2025-26 Q1")]
    [InlineData("Q1 25/26")]
    [InlineData("q1 2025/26")]
    [InlineData("  2025/26   q1 ")]
    [InlineData("2025 / 26 Q1")]
    [InlineData("2025–26 Q1")]
    [InlineData("Q1 2025—26")]
    [InlineData("2025/26Q1")]
    [InlineData("Q 1 2025/26")]
    [InlineData("Quarter 1 2025/26")]
    [InlineData("Qtr 1 FY25/26")]
    [InlineData("2025/2026 Q1")]
    [InlineData("Apr-Jun 2025")]
    [InlineData("apr-jun 2025")]
    [InlineData("April-June 2025")]
    [InlineData("Apr - Jun 2025")]
    [InlineData("Apr – Jun 2025")]
    [InlineData("April to June 2025")]
    [InlineData("Apr 2025 - Jun 2025")]
    public void Parse_reads_every_quarter_form_as_the_same_quarter(string text) =>
        Assert.Equal("2025/26 Q1", Read(text).Key);

    [Theory]
    [InlineData("Jul-Sep 2025", "2025/26 Q2")]
    [InlineData("Oct-Dec 2025", "2025/26 Q3")]
    [InlineData("Jan-Mar 2026", "2025/26 Q4")]
    [InlineData("Sept-Nov 2025", null)]
    public void Parse_reads_a_month_range_as_its_financial_quarter_with_January_to_March_in_the_year_before(string text, string? key)
    {
        var result = PeriodParser.Parse(text);
        Assert.Equal(key, result.Period?.Key);
    }

    [Theory]
    [InlineData("2025/26 M01")]
    [InlineData("2025/26 m1")]
    [InlineData("M01 2025/26")]
    [InlineData("Apr 2025")]
    [InlineData("APRIL 2025")]
    [InlineData("Apr-2025")]
    [InlineData("Apr. 2025")]
    [InlineData("2025-04")]
    [InlineData("04/2025")]
    [InlineData("4/2025")]
    [InlineData(" 04 / 2025 ")]
    public void Parse_reads_every_month_form_as_April_2025(string text)
    {
        var period = Read(text);
        Assert.Equal("2025/26 M01", period.Key);
        Assert.Equal(Frequency.Monthly, period.Frequency);
    }

    [Theory]
    [InlineData("Mar 2026", "2025/26 M12")]
    [InlineData("January 2026", "2025/26 M10")]
    [InlineData("Sept 2025", "2025/26 M06")]
    [InlineData("2026-03", "2025/26 M12")]
    [InlineData("12/2025", "2025/26 M09")]
    public void Parse_puts_January_to_March_in_the_financial_year_that_began_the_April_before(string text, string key) =>
        Assert.Equal(key, Read(text).Key);

    [Theory]
    [InlineData("2025/26")]
    [InlineData("2025-26")]
    [InlineData("2025–26")]
    [InlineData("2025/2026")]
    [InlineData("2025-2026")]
    [InlineData("FY2025/26")]
    [InlineData("fy 2025/26")]
    [InlineData("FY25/26")]
    [InlineData("FY 25-26")]
    [InlineData("25/26")]
    public void Parse_reads_every_financial_year_form_as_2025_26(string text)
    {
        var period = Read(text);
        Assert.Equal(Frequency.Annual, period.Frequency);
        Assert.Equal("2025/26", period.Key);
    }

    [Theory]
    [InlineData("2011-12", "financial year 2011/12 or December 2011")]
    [InlineData("11/12", "financial year 2011/12 or November 2012")]
    [InlineData("Q1 2025", "calendar Q1 (Jan–Mar 2025) or financial Q1 (Apr–Jun 2025); write 2024/25 Q4 or 2025/26 Q1")]
    [InlineData("2025 Q3", "write 2025/26 Q2 or 2025/26 Q3")]
    [InlineData("2025", "calendar year")]
    [InlineData("FY2025", "2024/25) or starting in it (2025/26)")]
    [InlineData("Apr 25", "April 2025 or 25 April")]
    public void Parse_refuses_a_form_that_fits_two_periods_and_says_how_to_write_it(string text, string explanation)
    {
        var result = PeriodParser.Parse(text);
        Assert.Null(result.Period);
        Assert.Contains($"'{text}'", result.Error);
        Assert.Contains(explanation, result.Error);
    }

    [Theory]
    [InlineData("2025/27", "second year is not the one after the first; write it as e.g. 2025/26")]
    [InlineData("2025-27", "neither a financial year")]
    [InlineData("Q5 2025/26", "Q1 to Q4")]
    [InlineData("2025/26 Q0", "Q1 to Q4")]
    [InlineData("2025/26 M13", "M01 (April) to M12 (March)")]
    [InlineData("13/2025", "month 13")]
    [InlineData("2025-13", "neither a financial year")]
    [InlineData("Jun-Aug 2025", "not a financial quarter")]
    [InlineData("Dec 2025 - Feb 2026", "spans two calendar years")]
    [InlineData("Q1 2025/27", "second year is not the one after the first")]
    [InlineData("last quarter", "not a period this pipeline recognises")]
    [InlineData("Smarch 2025", "not a period this pipeline recognises")]
    [InlineData("1066/67", "outside 1900 to 2998")]
    public void Parse_rejects_an_invalid_period_quoting_what_was_typed(string text, string explanation)
    {
        var result = PeriodParser.Parse(text);
        Assert.False(result.Success);
        Assert.Contains($"'{text}'", result.Error);
        Assert.Contains(explanation, result.Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_says_a_blank_period_is_blank(string? text)
    {
        var result = PeriodParser.Parse(text);
        Assert.False(result.Success);
        Assert.StartsWith("The period is blank", result.Error);
    }

    [Fact]
    public void Parse_refuses_a_date_without_a_frequency_and_names_the_periods_it_lies_in()
    {
        var result = PeriodParser.Parse("30/06/2025");
        Assert.False(result.Success);
        Assert.Contains("2025/26 M03, 2025/26 Q1 and 2025/26", result.Error);
    }

    [Theory]
    [InlineData("Apr 2025", Frequency.Monthly, "2025/26 M01")]
    [InlineData("Q3 2025/26", Frequency.Quarterly, "2025/26 Q3")]
    [InlineData("2025-26", Frequency.Annual, "2025/26")]
    public void Parse_with_the_indicators_frequency_accepts_a_period_of_that_frequency(string text, Frequency expected, string key) =>
        Assert.Equal(key, PeriodParser.Parse(text, expected).Period?.Key);

    [Fact]
    public void Parse_with_the_indicators_frequency_refuses_a_month_for_a_quarterly_indicator_naming_the_indicator()
    {
        var result = PeriodParser.Parse("Apr 2025", Frequency.Quarterly, "HOU-01");
        Assert.False(result.Success);
        Assert.Equal("'Apr 2025' is a month, but HOU-01 is reported quarterly; write a quarter, e.g. 2025/26 Q1.", result.Error);
    }

    [Fact]
    public void Parse_with_the_indicators_frequency_refuses_a_quarter_for_an_annual_indicator_without_a_code()
    {
        var result = PeriodParser.Parse("2025/26 Q2", Frequency.Annual);
        Assert.Equal("'2025/26 Q2' is a quarter, but the indicator is reported annually; write a financial year, e.g. 2025/26.", result.Error);
    }

    [Fact]
    public void Parse_with_the_indicators_frequency_still_reports_why_unreadable_text_failed()
    {
        var result = PeriodParser.Parse("2011-12", Frequency.Quarterly);
        Assert.False(result.Success);
        Assert.Contains("could be", result.Error);
    }

    [Theory]
    [InlineData("30/06/2025", Frequency.Quarterly, "2025/26 Q1")]
    [InlineData("2026-03-31", Frequency.Monthly, "2025/26 M12")]
    [InlineData("1 Jan 2026", Frequency.Annual, "2025/26")]
    [InlineData("31/12/2025 00:00:00", Frequency.Quarterly, "2025/26 Q3")]
    public void Parse_with_the_indicators_frequency_reads_a_date_as_the_period_containing_it(string text, Frequency expected, string key) =>
        Assert.Equal(key, PeriodParser.Parse(text, expected).Period?.Key);

    [Fact]
    public void Parse_does_not_read_an_impossible_date_as_a_date()
    {
        var result = PeriodParser.Parse("31/06/2025", Frequency.Monthly);
        Assert.False(result.Success);
        Assert.Contains("'31/06/2025'", result.Error);
    }

    [Theory]
    [InlineData("2025-03-31", Frequency.Quarterly, "2024/25 Q4")]
    [InlineData("2025-04-01", Frequency.Quarterly, "2025/26 Q1")]
    [InlineData("2025-12-31 23:59:59", Frequency.Monthly, "2025/26 M09")]
    [InlineData("2026-02-14", Frequency.Annual, "2025/26")]
    public void FromDate_reads_an_Excel_date_as_the_period_containing_it(string isoDate, Frequency frequency, string key)
    {
        var date = DateTime.Parse(isoDate, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(key, PeriodParser.FromDate(date, frequency).Key);
    }

    [Fact]
    public void Parse_reads_back_every_key_it_writes()
    {
        foreach (var frequency in Enum.GetValues<Frequency>())
        {
            foreach (var period in Period.In(new FinancialYear(2025), frequency))
            {
                Assert.Equal(period, Read(period.Key));
            }
        }
    }

    private static Period Read(string text)
    {
        var result = PeriodParser.Parse(text);
        Assert.True(result.Success, result.Error);
        return result.Period!;
    }
}
