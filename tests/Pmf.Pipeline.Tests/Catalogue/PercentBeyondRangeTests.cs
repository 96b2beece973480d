using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Tests.Quality;

using Pmf.Pipeline.Warehouse;
using static Pmf.Pipeline.Tests.Catalogue.CatalogueAssert;

namespace Pmf.Pipeline.Tests.Catalogue;

/// <summary>
/// The Indicators sheet's optional <c>Percent beyond 0-100</c> column lets an indicator's percentages go
/// below 0 or above 100 (DQ043). Real values: LGBF FINSUS05, actual outturn as a % of budgeted
/// expenditure, which Scottish councils published above 100 for 33 council-years out of 240.
/// </summary>
public sealed class PercentBeyondRangeTests
{
    private const string Column = "Percent beyond 0-100";

    [Theory]
    [InlineData("Yes", true)]
    [InlineData("y", true)]
    [InlineData("No", false)]
    [InlineData(null, false)]
    public void The_column_is_read_yes_or_no_and_blank_is_no(string? text, bool allowed)
    {
        var result = new CatalogueWorkbookBuilder().AddColumn("Indicators", Column).Set("Indicators", 2, Column, text).Read();

        Assert.Empty(result.Errors);
        Assert.Equal(allowed, result.Framework!.Indicators.Single(i => i.Code == "HOU-02").PercentBeyondRange);
    }

    [Fact]
    public void A_catalogue_without_the_column_allows_no_indicator_beyond_0_to_100()
    {
        var result = new CatalogueWorkbookBuilder().Read();

        Assert.Empty(result.Errors);
        Assert.All(result.Framework!.Indicators, i => Assert.False(i.PercentBeyondRange));
    }

    [Fact]
    public void A_word_other_than_yes_or_no_is_an_error_naming_the_column()
    {
        var result = new CatalogueWorkbookBuilder().AddColumn("Indicators", Column).Set("Indicators", 2, Column, "sometimes").Read();

        Problem(result, "Indicators", 3, Column, "Percent beyond 0-100 'sometimes' is not Yes or No");
        Errors(result, 1);
    }

    [Fact]
    public void Yes_on_an_indicator_that_is_not_a_percentage_is_a_warning_that_it_changes_nothing()
    {
        var result = new CatalogueWorkbookBuilder().AddColumn("Indicators", Column).Set("Indicators", 1, Column, "Yes").Read();

        Problem(result, "Indicators", 2, Column, "it only applies to percentages", ProblemSeverity.Warning);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void The_catalogue_workbook_writer_writes_the_column_and_it_reads_back()
    {
        var sample = SampleFramework.Create(new FinancialYear(2025));
        var framework = sample with { Indicators = [.. sample.Indicators.Select(i => i.Code == "ASH-FIN-01" ? i with { PercentBeyondRange = true } : i)] };
        using var folder = new Tests.Warehouse.TempFolder();
        var path = folder.File("catalogue.xlsx");

        CatalogueWorkbookWriter.Write(framework, path);
        using var stream = File.OpenRead(path);
        var read = CatalogueReader.Read(stream, "catalogue.xlsx");

        Assert.Empty(read.Errors);
        Assert.Equal(framework.Indicators.Where(i => i.PercentBeyondRange).Select(i => i.Code), read.Framework!.Indicators.Where(i => i.PercentBeyondRange).Select(i => i.Code));
        Assert.Equal(framework.Indicators, read.Framework.Indicators);
    }

    // LGBF FINSUS05 as published: value, outturn (£000) and budgeted expenditure (£000).
    [Theory]
    [InlineData("Aberdeenshire", "2016/17", "100.32%", "547235", "545510")]
    [InlineData("East Dunbartonshire", "2022/23", "104%", "317146", "304954")]
    [InlineData("East Lothian", "2022/23", "102.03%", "300982", "294995")]
    [InlineData("Renfrewshire", "2022/23", "101.71%", "491318", "483055")]
    public void A_real_outturn_over_100_percent_of_budget_loads_when_the_catalogue_allows_it_and_is_refused_naming_the_column_when_not(
        string council, string year, string value, string numerator, string denominator)
    {
        var indicator = Some.Indicator("FINSUS05", frequency: Frequency.Annual, polarity: Pipeline.Scoring.Polarity.LowerIsBetter);
        var row = Some.Row("FINSUS05", period: year, value: value, numerator: numerator, denominator: denominator);

        var refused = Some.Context().With(indicator).Gate().Check(row);
        var allowed = Some.Context().With(indicator with { PercentBeyondRange = true }).Gate().Check(row);

        Assert.Contains("set 'Percent beyond 0-100' to Yes for it on the catalogue's Indicators sheet", refused.Issue(QualityRules.PercentOutOfRange).Message, StringComparison.Ordinal);
        Assert.True(allowed.Issues.Count == 0, $"{council} {year}: {string.Join("; ", allowed.Issues.Select(i => i.Message))}");
        Assert.Equal(RowOutcome.Loaded, allowed.Outcome);
    }

    [Fact]
    public async Task The_warehouse_keeps_the_column_so_the_gate_of_a_later_return_sees_it()
    {
        var sample = SampleFramework.Create(new FinancialYear(2025));
        var framework = sample with { Indicators = [.. sample.Indicators.Select(i => i.Code == "ASH-FIN-01" ? i with { PercentBeyondRange = true } : i)] };
        using var w = await Tests.Warehouse.LoaderWarehouse.CreateAsync(framework);

        var context = await new GateContextQuery(w.Warehouse.Database).BuildAsync("FIN", new DateOnly(2025, 7, 20), CancellationToken.None);

        Assert.True(context.Indicators["ASH-FIN-01"].Single().Definition.PercentBeyondRange);
        Assert.False(context.Indicators["BRK-FIN-01"].Single().Definition.PercentBeyondRange);
    }
}
