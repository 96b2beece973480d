using Pmf.Pipeline.Catalogue;
using static Pmf.Pipeline.Tests.Catalogue.CatalogueAssert;

namespace Pmf.Pipeline.Tests.Catalogue;

/// <summary>Missing sheets, headers and columns, and files that are not catalogue workbooks at all.</summary>
public sealed class CatalogueStructureTests
{
    [Fact]
    public void A_missing_sheet_is_one_problem_and_references_to_it_are_not_echoed()
    {
        var result = new CatalogueWorkbookBuilder().RemoveSheet("Services").Read();

        Problem(result, "Services", null, null, "The workbook has no 'Services' sheet; add one with the columns Code, Name, Head of service, Head of service email.");
        Errors(result, 1);
    }

    [Fact]
    public void A_missing_required_column_is_reported_at_the_header_and_the_rest_is_still_checked()
    {
        var builder = new CatalogueWorkbookBuilder()
            .TitleRows("Services", "Services and their heads")
            .AddRow("Services", out var duplicate, "HOU", "Housing again", "Pat Jones", "pat@anytown.gov.uk")
            .RemoveColumn("Services", "Head of service email");

        var result = builder.Read();

        Problem(result, "Services", 2, "Head of service email", "The 'Services' sheet has no 'Head of service email' column; add it to the header row (row 2).");
        Problem(result, "Services", builder.RowOf("Services", duplicate), "Code", "Service code 'HOU' is already used in row 3");
        Errors(result, 2);
    }

    [Fact]
    public void A_sheet_without_a_recognisable_header_says_which_columns_it_needs()
    {
        var builder = new CatalogueWorkbookBuilder()
            .RenameColumn("Councils", "Code", "Abbreviation")
            .RenameColumn("Councils", "Name", "Title");

        var result = builder.Read();

        Problem(result, "Councils", null, null, "has no header row in its first 20 rows; put the column names (Code, Name) in one row at the top.");
        Errors(result, 1);
    }

    [Fact]
    public void A_sheet_with_a_header_but_no_rows_is_reported_where_it_matters()
    {
        var result = new CatalogueWorkbookBuilder().RemoveRows("Targets").RemoveRows("Councils").Read();

        Problem(result, "Councils", 1, null, "The Councils sheet lists no councils");
        Assert.Null(result.Framework);
    }

    [Fact]
    public void With_a_single_council_the_council_column_may_be_left_out()
    {
        var builder = new CatalogueWorkbookBuilder().RemoveColumn("Priorities", "Council").RemoveColumn("Indicators", "Council");
        var result = builder.Read();

        Problem(result, "Priorities", 1, "Council", "no 'Council' column, which is needed because the catalogue holds more than one council");
        Problem(result, "Indicators", 1, "Council", "no 'Council' column, which is needed because the catalogue holds more than one council");

        var single = new CatalogueWorkbookBuilder()
            .RemoveColumn("Priorities", "Council").RemoveColumn("Indicators", "Council")
            .Set("Councils", 2, "Code", null).Set("Councils", 2, "Name", null)
            .Set("Priorities", 4, "Code", "P3").Set("Priorities", 4, "Objective code", "O3")
            .Set("Indicators", 4, "Priority", "P3").Set("Indicators", 4, "Objective", "O3");
        Assert.Empty(single.Read().Problems);
        Assert.All(single.Read().Framework!.Indicators, i => Assert.Equal("ABC", i.CouncilCode));
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_one_clear_problem()
    {
        var result = CatalogueReader.Read(new MemoryStream("Code,Name\nABC,Anytown\n"u8.ToArray()), "catalogue.xlsx");

        var problem = Assert.Single(result.Problems);
        Assert.Null(result.Framework);
        Assert.Equal((null, null, null, null), (problem.Sheet, problem.Row, problem.Column, problem.Value));
        Assert.Equal("'catalogue.xlsx' is not an Excel workbook but plain text (perhaps a CSV file renamed); please save it from Excel as .xlsx, or send it named .csv.", problem.Message);
    }

    [Fact]
    public void An_empty_file_is_one_clear_problem()
    {
        var problem = Assert.Single(CatalogueReader.Read(new MemoryStream(), "catalogue.xlsx").Problems);

        Assert.Equal("'catalogue.xlsx' is empty (0 bytes); please save it again from Excel and resend it.", problem.Message);
    }

    [Fact]
    public void An_encrypted_workbook_asks_for_an_unprotected_copy()
    {
        using var stream = File.OpenRead(Path.Combine(Workbooks.TestFiles.Awkward, "ExcelDataReader", "agile_AES256_SHA512_CBC_pwd_password.xlsx"));

        var problem = Assert.Single(CatalogueReader.Read(stream, "catalogue.xlsx").Problems);

        Assert.StartsWith("'catalogue.xlsx' is protected with a password", problem.Message, StringComparison.Ordinal);
        Assert.Contains("send an unprotected copy", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_cannot_be_a_catalogue()
    {
        var problem = Assert.Single(CatalogueReader.Read(new MemoryStream("Code,Name\nABC,Anytown\n"u8.ToArray()), "catalogue.csv").Problems);

        Assert.Contains("a catalogue needs five", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_xls_catalogue_reads_to_the_same_framework_as_the_xlsx()
    {
        var builder = new CatalogueWorkbookBuilder().TitleRows("Targets", "Targets 2025/26");

        var fromXls = CatalogueReader.Read(builder.ToXlsStream(), "catalogue.xls");
        var fromXlsx = builder.Read();

        Assert.Empty(fromXls.Problems);
        Assert.Equal(fromXlsx.Framework!.Councils, fromXls.Framework!.Councils);
        Assert.Equal(fromXlsx.Framework.Priorities, fromXls.Framework.Priorities);
        Assert.Equal(fromXlsx.Framework.Services, fromXls.Framework.Services);
        Assert.Equal(fromXlsx.Framework.Indicators, fromXls.Framework.Indicators);
        Assert.Equal(fromXlsx.Framework.Targets, fromXls.Framework.Targets);
    }

    [Fact]
    public void An_xls_catalogue_reports_its_problems_at_the_same_places()
    {
        var builder = new CatalogueWorkbookBuilder().Set("Indicators", 2, "Unit", "furlongs").Set("Targets", 3, "Target", "lots");

        var result = CatalogueReader.Read(builder.ToXlsStream(), "catalogue.xls");

        Assert.Equal(
            [("Indicators", 3, "Unit"), ("Targets", 4, "Target")],
            result.Problems.Select(p => (p.Sheet!, p.Row!.Value, p.Column!)));
    }

    [Fact]
    public void An_awkward_xls_workbook_is_read_through_the_same_path_and_judged_as_a_catalogue()
    {
        using var stream = File.OpenRead(Path.Combine(Workbooks.TestFiles.Awkward, "poi", "testEXCEL_95.xls"));

        var result = CatalogueReader.Read(stream, "catalogue.xlsx");

        Assert.Equal(["Councils", "Priorities", "Services", "Indicators", "Targets"], result.Problems.Select(p => p.Sheet));
        Assert.All(result.Problems, p => Assert.Contains("The workbook has no", p.Message, StringComparison.Ordinal));
    }
}
