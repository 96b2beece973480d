using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Tests.Catalogue;
using static Pmf.Pipeline.Tests.Catalogue.CatalogueAssert;
using static Pmf.Pipeline.Tests.Warehouse.LoaderWarehouse;

namespace Pmf.Pipeline.Tests.Warehouse;

/// <summary>
/// Year-to-date indicators: the catalogue's Accumulates column, targets profiled or derived from the
/// year-end target, direction of travel against the same period last year, and the words reports use.
/// </summary>
public sealed class YearToDateTests
{
    private const string Column = "Accumulates";

    private static Framework WithYearToDate(string code)
    {
        var framework = SampleFramework.Create(new FinancialYear(2025));
        return framework with { Indicators = [.. framework.Indicators.Select(i => i.Code == code ? i with { Accumulation = Accumulation.YearToDate } : i)] };
    }

    [Theory]
    [InlineData("Year to date", Accumulation.YearToDate)]
    [InlineData("YTD", Accumulation.YearToDate)]
    [InlineData("cumulative", Accumulation.YearToDate)]
    [InlineData("Snapshot", Accumulation.Snapshot)]
    [InlineData("Per period", Accumulation.PerPeriod)]
    [InlineData(null, Accumulation.PerPeriod)]
    public void The_catalogue_says_how_an_indicator_accumulates_and_blank_is_per_period(string? text, Accumulation expected)
    {
        var result = new CatalogueWorkbookBuilder().AddColumn("Indicators", Column).Set("Indicators", 2, Column, text).Read();

        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.Framework!.Indicators.Single(i => i.Code == "HOU-02").Accumulation);
    }

    [Fact]
    public void A_word_that_is_not_an_accumulation_is_an_error_naming_the_choices()
    {
        var result = new CatalogueWorkbookBuilder().AddColumn("Indicators", Column).Set("Indicators", 2, Column, "sometimes").Read();

        Problem(result, "Indicators", 3, Column, "Accumulates 'sometimes' is not one of Per period, Year to date or Snapshot");
        Errors(result, 1);
    }

    [Fact]
    public async Task A_year_to_date_indicator_s_year_end_target_builds_up_evenly_through_the_year()
    {
        using var w = await CreateAsync(WithYearToDate("ASH-HOU-01")); // quarterly, 2025/26 target 30.6

        var ytd = await TargetsAsync(w, "ASH-HOU-01");
        var perPeriod = await TargetsAsync(w, "BRK-HOU-01");

        Assert.Equal([7.65m, 15.3m, 22.95m, 30.6m], ytd);
        Assert.Equal([30.6m, 30.6m, 30.6m, 30.6m], perPeriod);
    }

    [Fact]
    public async Task A_year_to_date_indicator_s_direction_compares_with_the_same_period_last_year()
    {
        using var w = await CreateAsync(WithYearToDate("ASH-HOU-01"));

        await w.LoadAsync("hash-1",
        [
            Result("ASH-HOU-01", Period.Quarter(2024, 2), 18m),
            Result("ASH-HOU-01", Period.Quarter(2025, 1), 8m),
            Result("ASH-HOU-01", Period.Quarter(2025, 2), 16m), // more than Q1 (always, the year so far) but less than Q2 last year
            Result("BRK-HOU-01", Period.Quarter(2024, 2), 18m),
            Result("BRK-HOU-01", Period.Quarter(2025, 1), 8m),
            Result("BRK-HOU-01", Period.Quarter(2025, 2), 16m),
        ]);

        Assert.Equal("Worsening/Worsening", await DirectionAsync(w, "ASH-HOU-01", Period.Quarter(2025, 2)));
        Assert.Equal("Improving/Worsening", await DirectionAsync(w, "BRK-HOU-01", Period.Quarter(2025, 2)));
    }

    [Fact]
    public async Task The_demo_s_business_rates_in_Q2_are_judged_against_their_profile_not_the_year_end_target()
    {
        var year = new FinancialYear(2026);
        var framework = SampleFramework.Create(year);
        using var w = await CreateAsync(framework);
        var september = Period.Month(2026, 6);
        var figure = SampleSourceFigures.For(framework, SampleFramework.RevenuesSource, new DateOnly(2026, 11, 23))
            .Single(f => f.IndicatorCode == "ASH-REV-02" && f.Period == september);
        var indicator = framework.Indicators.Single(i => i.Code == "ASH-REV-02");
        var target = await w.Warehouse.ScalarAsync<double>(
            "SELECT target_value FROM fact_target WHERE indicator_code = 'ASH-REV-02' AND period_key = @Key", new { Key = september.SortKey });

        var rag = RagRule.Evaluate(figure.Value, (decimal)target, indicator.Polarity, indicator.Tolerance);

        Assert.Equal(49.3m, figure.Value);
        Assert.Equal(49.0, target);
        Assert.Contains(rag, new[] { RagStatus.Green, RagStatus.Amber });
        Assert.Equal(RagStatus.Red, RagRule.Evaluate(figure.Value, 99.96m, indicator.Polarity, indicator.Tolerance)); // as it was, against the year end
    }

    [Fact]
    public void Reports_say_year_to_date_beside_the_period()
    {
        var indicator = new ReportedIndicator("ASH-REV-02", "Business rates collected in year", "Quantitative", "%", "Higher is better", "COUNCIL", "An efficient council",
            "", null, "REV", "Revenues and Benefits", "revenues-db", "2026/27 M06", null, null, []) { YearToDate = true };

        Assert.Equal("2026/27 M06, year to date", ReportWords.PeriodOf(indicator));
        Assert.Equal("2026/27 M06", ReportWords.PeriodOf(indicator with { YearToDate = false }));
    }

    private static async Task<List<decimal>> TargetsAsync(LoaderWarehouse w, string code)
    {
        await using var connection = await w.Warehouse.OpenAsync();
        var rows = await Dapper.SqlMapper.QueryAsync<double>(connection,
            "SELECT target_value + 0.0 FROM fact_target WHERE indicator_code = @code AND period_key BETWEEN @from AND @to ORDER BY period_key",
            new { code, from = Period.Quarter(2025, 1).SortKey, to = Period.Quarter(2025, 4).SortKey });
        return [.. rows.Select(r => (decimal)r)];
    }

    private static Task<string> DirectionAsync(LoaderWarehouse w, string code, Period period) =>
        w.Warehouse.ScalarAsync<string>(
            "SELECT COALESCE(direction_vs_previous, '-') || '/' || COALESCE(direction_vs_last_year, '-') FROM fact_result WHERE is_current = 1 AND indicator_code = @code AND period_key = @key",
            new { code, key = period.SortKey });
}
