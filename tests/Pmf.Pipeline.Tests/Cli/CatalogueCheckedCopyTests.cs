using ClosedXML.Excel;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Tests.Catalogue;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Cli;

/// <summary>
/// The catalogue workbook as a performance officer keeps it in Excel: the one the product writes offers
/// drop-downs for its closed columns, and a catalogue's problems come back marked in a copy of it.
/// </summary>
public sealed class CatalogueCheckedCopyTests
{
    [Fact]
    public void The_written_catalogue_offers_its_choices_as_drop_downs()
    {
        using var folder = new TempFolder();
        var path = folder.File("catalogue.xlsx");
        CatalogueWorkbookWriter.Write(Jobs.IngestHarness.Framework, path);

        using var workbook = new XLWorkbook(path);
        var indicators = workbook.Worksheet("Indicators");
        Assert.Equal("\"Higher is better,Lower is better,None\"", ListAt(indicators, "Polarity"));
        Assert.Equal("\"Monthly,Quarterly,Annual\"", ListAt(indicators, "Frequency"));
        Assert.Equal("\"%,count,£,days,ratio,score\"", ListAt(indicators, "Unit"));
        Assert.Equal("\"Yes,No\"", ListAt(indicators, "Percent beyond 0-100"));
        Assert.Equal("\"Per period,Year to date,Snapshot\"", ListAt(indicators, "Accumulates"));
        Assert.Equal("'Services'!$A$2:$A$1000", ListAt(indicators, "Service"));
        Assert.Equal("'Indicators'!$A$2:$A$1000", ListAt(workbook.Worksheet("Targets"), "Indicator"));
        Assert.Equal("\"England,Wales,Scotland,Northern Ireland\"", ListAt(workbook.Worksheet("Councils"), "Nation"));

        // And the workbook with its drop-downs still reads without a problem.
        using var stream = File.OpenRead(path);
        Assert.Empty(CatalogueReader.Read(stream, "catalogue.xlsx").Errors);
    }

    [Fact]
    public async Task Validate_marks_each_problem_in_a_copy_of_the_workbook_and_names_it()
    {
        using var folder = new TempFolder();
        var path = folder.File("catalogue.xlsx");
        var builder = new CatalogueWorkbookBuilder()
            .TitleRows("Indicators", "Anytown performance framework", "Kept by the performance team")
            .Set("Indicators", 2, "Frequency", "Fortnightly")
            .Set("Services", 1, "Head of service email", "not-an-address");
        await File.WriteAllBytesAsync(path, builder.ToStream().ToArray());

        var (exit, output) = await CliRun.RunAsync("catalogue", "validate", path);

        Assert.Equal(1, exit);
        var copy = folder.File("catalogue.checked.xlsx");
        Assert.Contains(copy, output, StringComparison.Ordinal);
        using var workbook = new XLWorkbook(copy);
        var indicators = workbook.Worksheet("Indicators");
        var frequency = indicators.Row(builder.HeaderRowOf("Indicators")).CellsUsed().Single(c => c.GetString() == "Frequency").Address.ColumnNumber;
        var cell = indicators.Cell(builder.RowOf("Indicators", 2), frequency);
        Assert.Equal("Fortnightly", cell.GetString());
        Assert.True(cell.HasComment);
        Assert.Contains("Fortnightly", cell.Comment.Text, StringComparison.Ordinal);
        Assert.Equal(XLColor.FromHtml("#FFC7CE"), cell.Style.Fill.BackgroundColor);

        var problems = workbook.Worksheet(CatalogueAnnotation.ProblemsSheet);
        Assert.Equal(1, problems.Position);
        var rows = problems.RowsUsed().Skip(1).Select(r => (Sheet: r.Cell(2).GetString(), Value: r.Cell(5).GetString(), Problem: r.Cell(6).GetString())).ToList();
        Assert.Contains(rows, r => r.Sheet == "Indicators" && r.Value == "Fortnightly" && r.Problem == cell.Comment.Text);
        Assert.Contains(rows, r => r.Sheet == "Services" && r.Value == "not-an-address");

        // Fixed in Excel and checked again: the stale copy goes, and the catalogue would load.
        await File.WriteAllBytesAsync(path, new CatalogueWorkbookBuilder().ToStream().ToArray());
        var (again, againOutput) = await CliRun.RunAsync("catalogue", "validate", path);
        Assert.True(again == 0, againOutput);
        Assert.False(File.Exists(copy));
        Assert.Contains("would load", againOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_says_where_the_marked_copy_is_and_loads_nothing()
    {
        using var folder = new TempFolder();
        var path = folder.File("framework.xlsx");
        await File.WriteAllBytesAsync(path, new CatalogueWorkbookBuilder().Set("Indicators", 1, "Service", "NOPE").ToStream().ToArray());

        var (exit, output) = await CliRun.RunAsync("catalogue", "load", path, "--connection", $"Data Source={folder.File("w.db")}", "--json");

        Assert.Equal(1, exit);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(folder.File("framework.checked.xlsx"), json.RootElement.GetProperty("checkedCopy").GetString());
        Assert.False(json.RootElement.GetProperty("loaded").GetBoolean());
        using var workbook = new XLWorkbook(folder.File("framework.checked.xlsx"));
        Assert.Contains(
            workbook.Worksheet("Indicators").CellsUsed(),
            c => c.GetString() == "NOPE" && c.HasComment && c.Comment.Text.Contains("NOPE", StringComparison.Ordinal));
    }

    private static string ListAt(IXLWorksheet sheet, string column)
    {
        var number = sheet.Row(1).CellsUsed().Single(c => c.GetString() == column).Address.ColumnNumber;
        var cell = sheet.Cell(2, number);
        var validation = sheet.DataValidations.Single(v => v.Ranges.Any(r => r.Contains(cell)));
        Assert.Equal(XLAllowedValues.List, validation.AllowedValues);
        Assert.True(validation.InCellDropdown);
        return validation.Value;
    }
}
