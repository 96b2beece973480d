using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using static Pmf.Pipeline.Tests.Catalogue.CatalogueAssert;

namespace Pmf.Pipeline.Tests.Catalogue;

public sealed class TargetsSheetTests
{
    [Fact]
    public void A_target_for_an_unknown_indicator_is_reported()
    {
        var result = new CatalogueWorkbookBuilder().Set("Targets", 1, "Indicator", "HOU-99").Read();

        Problem(result, "Targets", 2, "Indicator", "Indicator 'HOU-99' is not on the Indicators sheet; use an indicator code from that sheet.");
        Errors(result, 1);
    }

    [Fact]
    public void An_unparseable_period_is_reported_in_the_period_parser_s_words()
    {
        var result = new CatalogueWorkbookBuilder().Set("Targets", 1, "Period", "sometime soon").Read();

        var problem = Problem(result, "Targets", 2, "Period", "sometime soon");
        Assert.Equal(PeriodParser.Parse("sometime soon").Error, problem.Message);
    }

    [Fact]
    public void A_period_of_another_frequency_than_the_indicator_s_is_reported()
    {
        var result = new CatalogueWorkbookBuilder().Set("Targets", 2, "Period", "2025/26 M01").Read();

        Problem(result, "Targets", 3, "Period", "2025/26 M01 is a monthly period, but HOU-01 is reported quarterly; give a quarterly period (e.g. 2025/26 Q1) or the whole financial year (2025/26).");
    }

    [Fact]
    public void A_date_in_the_period_column_names_the_indicator_s_period_that_contains_it()
    {
        var result = new CatalogueWorkbookBuilder().Set("Targets", 2, "Period", new DateTime(2025, 8, 15, 0, 0, 0, DateTimeKind.Unspecified)).Read();

        Assert.Equal(Period.Quarter(2025, 2), result.Framework!.Targets[1].Period);
    }

    [Fact]
    public void Two_targets_for_the_same_indicator_and_period_are_reported()
    {
        var builder = new CatalogueWorkbookBuilder().AddRow("Targets", out var duplicate, "hou-01", "2025/26 Q1", 95, null);

        var result = builder.Read();

        Problem(result, "Targets", builder.RowOf("Targets", duplicate), "Period", "HOU-01 already has a target for 2025/26 Q1 in row 3; keep one of the two rows.");
    }

    [Theory]
    [InlineData("high", "Target 'high' is not a number; enter a number in the indicator's unit, e.g. 85 or 85%.")]
    [InlineData("85%", "Target 85% is a percentage, but HOU-01 is measured in count; enter a value in count.")]
    public void A_target_that_is_not_a_number_in_the_indicator_s_unit_is_reported(string target, string message)
    {
        var result = new CatalogueWorkbookBuilder().Set("Targets", 1, "Target", target).Read();

        Problem(result, "Targets", 2, "Target", message);
    }

    [Fact]
    public void A_date_where_a_target_number_belongs_is_the_wrong_type()
    {
        var result = new CatalogueWorkbookBuilder().Set("Targets", 1, "Target", new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Unspecified)).Read();

        var problem = Problem(result, "Targets", 2, "Target", "Target '2025-04-01' is not a number");
        Assert.Equal("2025-04-01", problem.Value);
    }

    [Fact]
    public void A_blank_target_is_reported()
    {
        var result = new CatalogueWorkbookBuilder().Set("Targets", 1, "Target", null).Read();

        Problem(result, "Targets", 2, "Target", "Target is blank; give the target value in the indicator's unit, e.g. 85.");
    }

    [Fact]
    public void An_amber_threshold_on_the_wrong_side_of_the_target_is_reported()
    {
        var result = new CatalogueWorkbookBuilder().Set("Targets", 2, "Amber threshold", 95).Set("Targets", 6, "Amber threshold", 2).Read();

        Problem(result, "Targets", 3, "Amber threshold", "Amber threshold 95 is above the target 90, but higher is better for HOU-01; the amber threshold must be at or below the target.");
        Problem(result, "Targets", 7, "Amber threshold", "Amber threshold 2 is below the target 3, but lower is better for ENV-02; the amber threshold must be at or above the target.");
        Errors(result, 2);
    }

    [Fact]
    public void A_fraction_typed_for_a_percentage_target_is_read_as_typed_but_flagged()
    {
        var result = new CatalogueWorkbookBuilder().Set("Targets", 3, "Target", 0.85).Read();

        Problem(result, "Targets", 4, "Target", "Target 0.85 for a % indicator is read as 0.85%; if you meant 85%, enter 85.", ProblemSeverity.Warning);
        Assert.Equal(0.85m, result.Framework!.Targets[2].Value);
    }

    [Fact]
    public void A_target_for_a_qualitative_indicator_is_ignored_with_a_warning()
    {
        var builder = new CatalogueWorkbookBuilder().AddRow("Targets", out var qualitative, "HOU-03", "2025/26", 1, null);

        var result = builder.Read();

        Problem(result, "Targets", builder.RowOf("Targets", qualitative), "Indicator", "HOU-03 is qualitative, so it is not scored against a target; this row is ignored.", ProblemSeverity.Warning);
        Assert.DoesNotContain(result.Framework!.Targets, t => t.IndicatorCode == "HOU-03");
    }

    [Fact]
    public void A_target_s_reason_and_the_day_its_change_takes_effect_are_read()
    {
        var result = new CatalogueWorkbookBuilder()
            .AddColumn("Targets", "Reason for change").AddColumn("Targets", "Changed from")
            .Set("Targets", 1, "Reason for change", "Raised by Cabinet")
            .Set("Targets", 1, "Changed from", new DateTime(2025, 10, 1, 0, 0, 0, DateTimeKind.Unspecified))
            .Read();

        var target = result.Framework!.Targets[0];
        Assert.Equal(("Raised by Cabinet", new DateOnly(2025, 10, 1)), (target.Reason, target.ChangedFrom));
        Assert.Equal((null, null), (result.Framework.Targets[1].Reason, result.Framework.Targets[1].ChangedFrom));
    }

    [Fact]
    public void A_changed_from_that_is_not_a_date_is_reported()
    {
        var result = new CatalogueWorkbookBuilder().AddColumn("Targets", "Changed from").Set("Targets", 1, "Changed from", "next month").Read();

        Problem(result, "Targets", 2, "Changed from", "Changed from 'next month' is not a date; enter the day the new target takes effect, such as 01/10/2026, or leave it blank for the day the catalogue is loaded.");
    }
}
