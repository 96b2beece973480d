using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Scoring;
using static Pmf.Pipeline.Tests.Catalogue.CatalogueAssert;

namespace Pmf.Pipeline.Tests.Catalogue;

/// <summary>The typed cells of the Indicators sheet: vocabularies, numbers, defaults and dates.</summary>
public sealed class IndicatorCellTests
{
    [Theory]
    [InlineData("Type", "Quant-ish", "Type 'Quant-ish' is not recognised; use Quantitative or Qualitative.")]
    [InlineData("Unit", "percentage points", "Unit 'percentage points' is not recognised; use %, count, £, days, ratio or score.")]
    [InlineData("Polarity", "Up is good", "Polarity 'Up is good' is not recognised; use Higher is better, Lower is better or None.")]
    [InlineData("Frequency", "Fortnightly", "Frequency 'Fortnightly' is not recognised; use Monthly, Quarterly or Annual.")]
    public void Words_outside_a_column_s_vocabulary_are_reported_with_the_choices(string column, string value, string message)
    {
        var result = new CatalogueWorkbookBuilder().Set("Indicators", 1, column, value).Read();

        var problem = Problem(result, "Indicators", 2, column, message);
        Assert.Equal(value, problem.Value);
        Errors(result, 1);
    }

    [Theory]
    [InlineData("percent", Unit.Percent)]
    [InlineData("Percentage", Unit.Percent)]
    [InlineData("number", Unit.Count)]
    [InlineData("No.", Unit.Count)]
    [InlineData("GBP", Unit.Pounds)]
    [InlineData("£", Unit.Pounds)]
    [InlineData("Days", Unit.Days)]
    [InlineData("rate", Unit.Ratio)]
    [InlineData("Score", Unit.Score)]
    public void Sensible_unit_synonyms_are_accepted(string text, Unit unit)
    {
        var result = new CatalogueWorkbookBuilder().Set("Indicators", 1, "Unit", text).Read();

        Assert.Empty(result.Errors);
        Assert.Equal(unit, result.Framework!.Indicators[0].Unit);
    }

    [Theory]
    [InlineData("higher", Polarity.HigherIsBetter)]
    [InlineData("LOWER IS BETTER", Polarity.LowerIsBetter)]
    [InlineData("n/a", Polarity.None)]
    public void Polarity_synonyms_are_accepted(string text, Polarity polarity)
    {
        var result = new CatalogueWorkbookBuilder().Set("Indicators", 2, "Polarity", text).Read(); // HOU-02 has no amber threshold to contradict it

        Assert.Equal(polarity, result.Framework!.Indicators[1].Polarity);
    }

    [Fact]
    public void A_quantitative_indicator_needs_a_unit_and_polarity()
    {
        var result = new CatalogueWorkbookBuilder().Set("Indicators", 1, "Unit", null).Set("Indicators", 1, "Polarity", null).Read();

        Problem(result, "Indicators", 2, "Unit", "Unit is blank; give the unit of the value: %, count, £, days, ratio or score.");
        Problem(result, "Indicators", 2, "Polarity", "Polarity is blank; say which way is better");
        Errors(result, 2);
    }

    [Theory]
    [InlineData("5%", 5, true)]
    [InlineData("2", 2, false)]
    [InlineData(2.5, 2.5, false)]
    public void Tolerance_is_a_percentage_of_target_or_an_amount(object cell, double amount, bool percent)
    {
        var result = new CatalogueWorkbookBuilder().Set("Indicators", 1, "Tolerance", cell).Read();

        Assert.Equal(new Tolerance((decimal)amount, percent), result.Framework!.Indicators[0].Tolerance);
    }

    [Fact]
    public void A_fraction_formatted_as_a_percentage_is_a_percentage_tolerance()
    {
        var result = new CatalogueWorkbookBuilder().Set("Indicators", 1, "Tolerance", new Formatted(0.05, "0%")).Read();

        Assert.Equal(new Tolerance(5m, true), result.Framework!.Indicators[0].Tolerance);
    }

    [Theory]
    [InlineData("about five", "is not a percentage of target (e.g. 5%) or an amount")]
    [InlineData("-1", "is negative")]
    public void A_tolerance_that_is_not_a_band_is_reported(string cell, string says)
    {
        var result = new CatalogueWorkbookBuilder().Set("Indicators", 1, "Tolerance", cell).Read();

        Problem(result, "Indicators", 2, "Tolerance", says);
    }

    [Theory]
    [InlineData("%", null, 100)]
    [InlineData("count", null, 1)]
    [InlineData("ratio", 1000, 1000)]
    [InlineData("%", "1", 1)]
    public void The_multiplier_defaults_to_100_for_percentages_and_1_otherwise(string unit, object? multiplier, int expected)
    {
        var result = new CatalogueWorkbookBuilder().Set("Indicators", 1, "Unit", unit).Set("Indicators", 1, "Multiplier", multiplier).Read();

        Assert.Empty(result.Problems);
        Assert.Equal(expected, result.Framework!.Indicators[0].Multiplier);
    }

    [Theory]
    [InlineData("ten", ProblemSeverity.Error, "Multiplier 'ten' is not a number; leave it blank for the default (100 for %, 1 otherwise) or enter e.g. 1000 for a rate per thousand.")]
    [InlineData(0, ProblemSeverity.Error, "Multiplier 0 must be more than zero")]
    [InlineData(7, ProblemSeverity.Warning, "Multiplier 7 is unusual")]
    public void An_odd_multiplier_is_reported(object multiplier, ProblemSeverity severity, string says)
    {
        var result = new CatalogueWorkbookBuilder().Set("Indicators", 1, "Multiplier", multiplier).Read();

        Problem(result, "Indicators", 2, "Multiplier", says, severity);
    }

    [Theory]
    [InlineData(null, 10)]
    [InlineData(0, 0)]
    [InlineData(60, 60)]
    [InlineData("20", 20)]
    public void Due_working_days_default_to_10_and_may_be_0_to_60(object? due, int expected)
    {
        var result = new CatalogueWorkbookBuilder().Set("Indicators", 1, "Due (working days)", due).Read();

        Assert.Equal(expected, result.Framework!.Indicators[0].DueWorkingDays);
    }

    [Theory]
    [InlineData(61)]
    [InlineData(-1)]
    [InlineData(2.5)]
    [InlineData("ten days")]
    public void Due_working_days_outside_0_to_60_or_not_whole_are_reported(object due)
    {
        var result = new CatalogueWorkbookBuilder().Set("Indicators", 1, "Due (working days)", due).Read();

        Problem(result, "Indicators", 2, "Due (working days)", "must be a whole number of working days from 0 to 60; leave it blank for the default of 10.");
    }

    [Fact]
    public void Active_dates_may_be_excel_dates_or_text_and_must_run_forwards()
    {
        var ok = new CatalogueWorkbookBuilder()
            .Set("Indicators", 1, "Active from", "01/04/2024")
            .Set("Indicators", 1, "Active to", new DateTime(2026, 3, 31, 0, 0, 0, DateTimeKind.Unspecified))
            .Read();
        Assert.Equal((new DateOnly(2024, 4, 1), new DateOnly(2026, 3, 31)), (ok.Framework!.Indicators[0].ActiveFrom, ok.Framework.Indicators[0].ActiveTo));

        var backwards = new CatalogueWorkbookBuilder().Set("Indicators", 2, "Active to", "31/03/2025").Read();
        Problem(backwards, "Indicators", 3, "Active to", "Active to (2025-03-31) is before Active from (2025-04-01); correct one of them.");

        var notADate = new CatalogueWorkbookBuilder().Set("Indicators", 1, "Active from", "next year").Read();
        Problem(notADate, "Indicators", 2, "Active from", "Active from 'next year' is not a date; enter a date such as 01/04/2025, or leave it blank.");
    }

    [Fact]
    public void A_qualitative_indicator_needs_no_unit_polarity_or_target()
    {
        var indicator = new CatalogueWorkbookBuilder().Read().Framework!.Indicators.Single(i => i.Code == "HOU-03");

        Assert.Equal(IndicatorType.Qualitative, indicator.Type);
        Assert.Equal(Polarity.None, indicator.Polarity);
    }
}
