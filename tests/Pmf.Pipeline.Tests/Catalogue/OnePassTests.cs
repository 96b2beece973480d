using Pmf.Pipeline.Catalogue;
using static Pmf.Pipeline.Tests.Catalogue.CatalogueAssert;

namespace Pmf.Pipeline.Tests.Catalogue;

public sealed class OnePassTests
{
    [Fact]
    public void A_workbook_with_many_different_errors_reports_all_of_them_in_one_pass()
    {
        var builder = new CatalogueWorkbookBuilder()
            .TitleRows("Indicators", "Anytown KPIs")
            .Set("Councils", 2, "Name", null)
            .AddRow("Priorities", out var duplicatePriority, "ABC", "P2", "Clean and green", null, null)
            .Set("Services", 2, "Head of service email", "alex.smith")
            .Set("Indicators", 1, "Unit", "furlongs")
            .Set("Indicators", 2, "Due (working days)", 99)
            .Set("Indicators", 3, "Service", "FIN")
            .Set("Indicators", 4, "Code", "HOU-01")
            .Set("Indicators", 5, "Frequency", "Fortnightly")
            .Set("Targets", 1, "Period", "Q5 2025/26")
            .Set("Targets", 4, "Target", "fifty-five")
            .Set("Targets", 6, "Indicator", "XXX-01");

        var result = builder.Read();

        Problem(result, "Councils", 3, "Name", "Name is blank");
        Problem(result, "Priorities", builder.RowOf("Priorities", duplicatePriority), "Code", "Priority P2 of council ABC is already listed in row 4");
        Problem(result, "Services", 3, "Head of service email", "is not an e-mail address");
        Problem(result, "Indicators", 3, "Unit", "Unit 'furlongs' is not recognised");
        Problem(result, "Indicators", 4, "Due (working days)", "must be a whole number of working days from 0 to 60");
        Problem(result, "Indicators", 5, "Service", "Service 'FIN' is not on the Services sheet");
        Problem(result, "Indicators", 6, "Code", "Indicator code 'HOU-01' is already used in row 3");
        Problem(result, "Indicators", 7, "Frequency", "Frequency 'Fortnightly' is not recognised");
        Problem(result, "Targets", 2, "Period", "Q5 2025/26");
        Problem(result, "Targets", 5, "Target", "Target 'fifty-five' is not a number");
        Problem(result, "Targets", 7, "Indicator", "Indicator 'XXX-01' is not on the Indicators sheet");
        Errors(result, 11);
        Assert.Equal(
            ["Councils", "Priorities", "Services", "Indicators", "Indicators", "Indicators", "Indicators", "Indicators", "Targets", "Targets", "Targets"],
            result.Errors.Select(p => p.Sheet));
    }

    [Fact]
    public void Problems_read_as_sentences_naming_the_place_and_the_value()
    {
        var problem = new CatalogueWorkbookBuilder().Set("Indicators", 1, "Unit", "furlongs").Read().Problems.Single();

        Assert.Equal(
            "Error at catalogue.xlsx, sheet Indicators, row 2, column Unit ['furlongs']: Unit 'furlongs' is not recognised; use %, count, £, days, ratio or score.",
            problem.ToString());
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
    }
}
