using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Quality.Rules;

namespace Pmf.Pipeline.Tests.Quality;

/// <summary>
/// DQ050 on values councils really published (Scotland's LGBF, ../shared/data/public-series,
/// lgbf-24-councils.csv): a value rounded to three significant figures, or agreeing with a numerator
/// and denominator once their own rounding is allowed for, is accepted; one that contradicts them is not.
/// </summary>
public sealed class RatioRoundingTests
{
    // Every LGBF value with numerator and denominator that the rule rejected before allowing for rounding
    // and that agrees with them once it does: ENV05a (£ per 1,000 population, published to 3 significant
    // figures), CORP03b and CORP-ASSET01 (small whole-number bases).
    [Theory]
    [InlineData("Moray", "CORP03b", "2012/13", "43.73%", "79", "180", "100")]
    [InlineData("Eilean Siar", "CORP-ASSET01", "2017/18", "79.26%", "75", "94", "100")]
    [InlineData("North Ayrshire", "CORP-ASSET01", "2019/20", "90.89%", "234", "257", "100")]
    [InlineData("Clackmannanshire", "ENV05a", "2013/14", "3720", "191", "51280", "1000000")]
    [InlineData("Clackmannanshire", "ENV05a", "2014/15", "3540", "181", "51190", "1000000")]
    [InlineData("Clackmannanshire", "ENV05a", "2015/16", "3060", "157", "51360", "1000000")]
    [InlineData("Clackmannanshire", "ENV05a", "2018/19", "2720", "140", "51400", "1000000")]
    [InlineData("Clackmannanshire", "ENV05a", "2022/23", "1770", "91", "51540", "1000000")]
    [InlineData("East Ayrshire", "ENV05a", "2015/16", "3240", "396", "122060", "1000000")]
    [InlineData("East Lothian", "ENV05a", "2016/17", "2050", "213", "104090", "1000000")]
    [InlineData("East Lothian", "ENV05a", "2017/18", "1320", "138", "104840", "1000000")]
    [InlineData("East Lothian", "ENV05a", "2018/19", "1300", "138", "105790", "1000000")]
    [InlineData("Falkirk", "ENV05a", "2012/13", "1910", "300", "156800", "1000000")]
    [InlineData("Falkirk", "ENV05a", "2013/14", "1900", "299", "157140", "1000000")]
    [InlineData("Inverclyde", "ENV05a", "2013/14", "1990", "160", "80310", "1000000")]
    [InlineData("Inverclyde", "ENV05a", "2016/17", "2990", "237", "79160", "1000000")]
    [InlineData("Inverclyde", "ENV05a", "2017/18", "3970", "313", "78760", "1000000")]
    [InlineData("Inverclyde", "ENV05a", "2020/21", "3560", "274", "77060", "1000000")]
    [InlineData("North Ayrshire", "ENV05a", "2016/17", "3720", "505", "135890", "1000000")]
    [InlineData("North Ayrshire", "ENV05a", "2018/19", "2590", "351", "135280", "1000000")]
    [InlineData("Perth & Kinross", "ENV05a", "2012/13", "2270", "336", "147740", "1000000")]
    [InlineData("Perth & Kinross", "ENV05a", "2018/19", "3440", "521", "151290", "1000000")]
    [InlineData("Renfrewshire", "ENV05a", "2012/13", "1570", "273", "174310", "1000000")]
    [InlineData("Renfrewshire", "ENV05a", "2013/14", "2650", "460", "173900", "1000000")]
    [InlineData("Renfrewshire", "ENV05a", "2016/17", "1470", "258", "175930", "1000000")]
    [InlineData("Renfrewshire", "ENV05a", "2017/18", "1320", "234", "176830", "1000000")]
    [InlineData("Scottish Borders", "ENV05a", "2014/15", "3810", "435", "114030", "1000000")]
    [InlineData("South Lanarkshire", "ENV05a", "2012/13", "3670", "1155", "314360", "1000000")]
    [InlineData("South Lanarkshire", "ENV05a", "2015/16", "3620", "1146", "316230", "1000000")]
    [InlineData("South Lanarkshire", "ENV05a", "2020/21", "2840", "910", "320820", "1000000")]
    [InlineData("South Lanarkshire", "ENV05a", "2021/22", "3250", "1047", "322630", "1000000")]
    [InlineData("West Dunbartonshire", "ENV05a", "2012/13", "3680", "332", "90340", "1000000")]
    public void A_real_published_value_rounded_as_published_is_accepted(string council, string indicator, string year, string value, string numerator, string denominator, string multiplier)
    {
        var row = Check(value, numerator, denominator, decimal.Parse(multiplier, System.Globalization.CultureInfo.InvariantCulture), value.EndsWith('%') ? Unit.Percent : Unit.Pounds, year);

        Assert.True(row.Issues.Count == 0, $"{council} {indicator} {year}: {string.Join("; ", row.Issues.Select(i => i.Message))}");
    }

    [Theory]
    [InlineData("2740", "1321", "482640", "1000000")] // 2737.03 to three significant figures
    [InlineData("6.8", "17146", "2503", "1")]         // 6.850, but 17145.5 / 2503.5 = 6.849
    public void A_value_consistent_within_the_rounding_of_all_three_numbers_is_accepted(string value, string numerator, string denominator, string multiplier)
    {
        var row = Check(value, numerator, denominator, decimal.Parse(multiplier, System.Globalization.CultureInfo.InvariantCulture), Unit.Ratio);

        Assert.Empty(row.Issues);
    }

    [Theory]
    [InlineData("59.34%", "378", "4400", "100", "8.59")]            // the issue's contradiction
    [InlineData("100.7%", "210837", "212222", "100", "99.35")]      // East Renfrewshire FINSUS05 2013-14: numerator and denominator swapped
    [InlineData("77.2", "26293.69", "340180", "1000", "77.29")]     // North Lanarkshire CLIM05 2018-19: 77.29 rounds to 77.3
    [InlineData("56.8", "19798.65501", "261470", "1000", "75.72")]  // Aberdeenshire CLIM05 2018-19
    public void A_real_value_that_contradicts_its_numerator_and_denominator_is_still_rejected(string value, string numerator, string denominator, string multiplier, string computed)
    {
        var unit = value.EndsWith('%') ? Unit.Percent : Unit.Ratio;
        var issue = Check(value, numerator, denominator, decimal.Parse(multiplier, System.Globalization.CultureInfo.InvariantCulture), unit).Issue(QualityRules.RatioMismatch);

        Assert.EndsWith($"= {computed}. Correct whichever is wrong, or leave Value blank to have it worked out.", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2740", "5")]
    [InlineData("1300", "5")]   // 2 or 3 significant figures: allowed the 3-figure rounding only
    [InlineData("3060.0", "5")] // a float written out with .0 states no more than 3060
    [InlineData("100", "0.5")]
    [InlineData("85", "0.5")]
    [InlineData("85.25", "0.005")]
    [InlineData("-2740", "5")]
    [InlineData("0", "0.5")]
    public void A_number_stands_for_half_a_unit_either_side_of_its_last_stated_digit(string typed, string halfUnit)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;

        Assert.Equal(decimal.Parse(halfUnit, culture), RatioRounding.HalfUnit(decimal.Parse(typed, culture)));
    }

    private static CheckedRow Check(string value, string numerator, string denominator, decimal multiplier, Unit unit, string year = "2022/23")
    {
        var indicator = Some.Indicator("LGBF-01", unit: unit, frequency: Frequency.Annual, polarity: Pipeline.Scoring.Polarity.None, multiplier: multiplier);
        var gate = Some.Context().With(indicator).Gate();
        return gate.Check(Some.Row("LGBF-01", period: year, value: value, numerator: numerator, denominator: denominator));
    }
}
