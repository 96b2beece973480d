using Pmf.Pipeline.Catalogue;
using static Pmf.Pipeline.Tests.Catalogue.CatalogueAssert;

namespace Pmf.Pipeline.Tests.Catalogue;

/// <summary>Codes that must be unique, cells that must be filled in, and references between sheets.</summary>
public sealed class CatalogueCodeAndReferenceTests
{
    [Fact]
    public void A_blank_required_cell_is_reported_with_what_to_put_there()
    {
        var result = new CatalogueWorkbookBuilder().Set("Councils", 2, "Name", null).Read();

        var problem = Problem(result, "Councils", 3, "Name", "Name is blank; give the council's name.");
        Assert.Null(problem.Value);
        Errors(result, 1);
    }

    [Fact]
    public void Duplicate_council_service_and_indicator_codes_are_reported_on_the_second_use()
    {
        var result = new CatalogueWorkbookBuilder()
            .Set("Councils", 2, "Code", "abc")
            .Set("Services", 2, "Code", "HOU")
            .Set("Indicators", 3, "Code", "HOU-01")
            .Read();

        Problem(result, "Councils", 3, "Code", "Council code 'abc' is already used in row 2; give each council its own code.");
        Problem(result, "Services", 3, "Code", "Service code 'HOU' is already used in row 2");
        var indicator = Problem(result, "Indicators", 4, "Code", "Indicator code 'HOU-01' is already used in row 2; indicator codes must be unique across the catalogue");
        Assert.Equal("HOU-01", indicator.Value);
    }

    [Fact]
    public void Priorities_and_objectives_are_unique_within_a_council_but_may_repeat_across_councils()
    {
        var builder = new CatalogueWorkbookBuilder()
            .AddRow("Priorities", out var duplicate, "ABC", "P1", "Homes", "O1", "More affordable homes")
            .AddRow("Priorities", out var reused, "ABC", "P2", "Clean and green", "O2", "Cleaner streets")
            .AddRow("Priorities", out var renamed, "ABC", "P2", "Greener borough", "O3", "More trees");

        var result = builder.Read();

        Problem(result, "Priorities", builder.RowOf("Priorities", duplicate), "Code", "Priority P1 with objective O1 of council ABC is already listed in row 2; remove the duplicate row.");
        Problem(result, "Priorities", builder.RowOf("Priorities", reused), "Objective code", "Objective code 'O2' is already used by priority P1 in row 3; objective codes must be unique within council ABC");
        Problem(result, "Priorities", builder.RowOf("Priorities", renamed), "Name", "Priority P2 is named 'Clean and green' in row 4 but 'Greener borough' here", ProblemSeverity.Warning);
        Errors(result, 2);
    }

    [Fact]
    public void An_objective_named_without_a_code_is_reported()
    {
        var result = new CatalogueWorkbookBuilder().Set("Priorities", 3, "Objective", "Cleaner streets").Read();

        Problem(result, "Priorities", 4, "Objective code", "Objective code is blank but the objective 'Cleaner streets' is named; give the objective a short code");
    }

    [Fact]
    public void References_to_unknown_councils_priorities_objectives_and_services_are_reported()
    {
        var result = new CatalogueWorkbookBuilder()
            .Set("Priorities", 1, "Council", "QQQ")
            .Set("Indicators", 1, "Council", "Nowhere DC")
            .Set("Indicators", 2, "Priority", "P9")
            .Set("Indicators", 3, "Objective", "O9")
            .Set("Indicators", 4, "Service", "FIN")
            .Read();

        Problem(result, "Priorities", 2, "Council", "Council 'QQQ' is not on the Councils sheet; use one of its codes (ABC, XYZ) or add the council there.");
        Problem(result, "Indicators", 2, "Council", "Council 'Nowhere DC' is not on the Councils sheet");
        Problem(result, "Indicators", 3, "Priority", "Priority 'P9' is not on the Priorities sheet for council ABC; use one of its codes (P1, P2) or add it there.");
        Problem(result, "Indicators", 4, "Objective", "Objective 'O9' is not on the Priorities sheet for council ABC");
        Problem(result, "Indicators", 5, "Service", "Service 'FIN' is not on the Services sheet; use one of its codes (HOU, ENV) or add the service there.");
        Errors(result, 5);
    }

    [Fact]
    public void An_objective_of_another_priority_is_reported()
    {
        var result = new CatalogueWorkbookBuilder().Set("Indicators", 3, "Objective", "O1").Read();

        Problem(result, "Indicators", 4, "Objective", "Objective O1 belongs to priority P1, not P2; correct the Priority or the Objective.");
    }

    [Fact]
    public void References_may_use_a_name_or_another_case_instead_of_the_code()
    {
        var result = new CatalogueWorkbookBuilder()
            .Set("Indicators", 1, "Council", "Anytown Borough Council")
            .Set("Indicators", 1, "Priority", "homes")
            .Set("Indicators", 1, "Objective", "More affordable homes")
            .Set("Indicators", 1, "Service", "hou")
            .Set("Targets", 1, "Indicator", "hou-01")
            .Read();

        Assert.Empty(result.Problems);
        var indicator = result.Framework!.Indicators[0];
        Assert.Equal(("ABC", "P1", "O1", "HOU"), (indicator.CouncilCode, indicator.PriorityCode, indicator.ObjectiveCode, indicator.ServiceCode));
        Assert.Equal("HOU-01", result.Framework.Targets[0].IndicatorCode);
    }

    [Theory]
    [InlineData("Head of service email", "jo.bloggs at anytown.gov.uk")]
    [InlineData("Head of service email", "Jo Bloggs <jo.bloggs@anytown.gov.uk>")]
    [InlineData("Head of service email", "jo@anytown.gov.uk; sam@anytown.gov.uk")]
    [InlineData("Director email", "sam.patel@")]
    [InlineData("Director email", "mailto:sam.patel@anytown.gov.uk")]
    public void Malformed_email_addresses_are_reported(string column, string address)
    {
        var result = new CatalogueWorkbookBuilder().Set("Services", 1, column, address).Read();

        var problem = Problem(result, "Services", 2, column, $"{column} '{address}' is not an e-mail address; write one address such as jo.bloggs@anytown.gov.uk.");
        Assert.Equal(address, problem.Value);
    }

    [Fact]
    public void The_head_of_service_email_is_required_and_the_director_email_is_not()
    {
        var result = new CatalogueWorkbookBuilder().Set("Services", 1, "Head of service email", null).Set("Services", 1, "Director email", null).Read();

        Problem(result, "Services", 2, "Head of service email", "Head of service email is blank; give the head of service's e-mail address");
        Errors(result, 1);
    }
}
