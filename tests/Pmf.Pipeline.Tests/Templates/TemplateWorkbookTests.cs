using ClosedXML.Excel;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Returns;
using Pmf.Pipeline.Templates;
using Pmf.Pipeline.Tests.Jobs;

namespace Pmf.Pipeline.Tests.Templates;

public sealed class TemplateWorkbookTests
{
    [Theory]
    [InlineData("2026/27 Q1", "M01 M02 M03 Q1")]
    [InlineData("2026/27 Q4", "M10 M11 M12 Q4 year")]
    [InlineData("2026/27 M03", "M03 Q1")]
    [InlineData("2026/27 M05", "M05")]
    [InlineData("2026/27", "M01 M02 M03 M04 M05 M06 M07 M08 M09 M10 M11 M12 Q1 Q2 Q3 Q4 year")]
    public void A_template_lists_every_period_of_an_indicators_own_frequency_that_ends_within_its_period(string template, string expected)
    {
        var period = PeriodParser.Parse(template).Period!;

        var listed = Enum.GetValues<Frequency>().SelectMany(f => TemplatePeriods.Within(period, f))
            .Select(p => p.Frequency == Frequency.Annual ? "year" : p.Key[8..]);

        Assert.Equal(expected, string.Join(' ', listed));
    }

    [Fact]
    public async Task The_return_reader_reads_a_template_with_no_notes_and_ignores_only_its_information_columns()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var template = (await new TemplateQuery(harness.Warehouse.Database).BuildAsync("com", Period.Quarter(2026, 2), CancellationToken.None))!;

        using var read = ReturnReader.Read(new MemoryStream(TemplateWorkbook.ToBytes(template)), template.FileName);

        Assert.False(read.IsRejected, read.Problem?.Message);
        Assert.Equal(TemplateWorkbook.SheetName, read.Layout.Sheet);
        Assert.InRange(read.Layout.HeaderRow, 2, 20);
        Assert.Equal(ReturnColumns.All.Select(c => c.Name), read.Layout.Columns.Select(c => c.Name));
        Assert.Equal(TemplateWorkbook.InformationColumns, read.Layout.IgnoredColumns);
        Assert.Empty(read.Layout.Notes);
        Assert.Null(read.Layout.StatedPeriod);
        Assert.Equal(
            template.Lines.Select(l => (l.Indicator.Code, l.Period.Key)),
            read.Rows.Select(r => (r.Indicator.Text, r.Period.Text)));
    }

    [Fact]
    public async Task A_template_locks_its_keys_and_validates_what_a_person_types()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var template = (await new TemplateQuery(harness.Warehouse.Database).BuildAsync("COM", Period.Quarter(2026, 2), CancellationToken.None))!;
        var person = new TemplatePerson(TemplateWorkbook.ToBytes(template));
        var monthly = person.RowOf("BRK-COM-01", "2026/27 M04");
        var qualitative = person.RowOf("ASH-COM-02", "2026/27 Q2");

        Assert.True(person.Sheet.IsProtected);
        Assert.False(person.Sheet.IsPasswordProtected);
        foreach (var key in new[] { "Indicator", "Name", "Period", "Unit", "Target", "Last value" })
        {
            Assert.True(person.Cell(monthly, key).Style.Protection.Locked, key);
        }

        Assert.False(person.Cell(monthly, "Value").Style.Protection.Locked);
        Assert.True(person.Cell(monthly, "Status").Style.Protection.Locked, "a quantitative row takes no status");
        Assert.True(person.Cell(qualitative, "Value").Style.Protection.Locked, "a qualitative row takes no value");
        Assert.False(person.Cell(qualitative, "Status").Style.Protection.Locked);
        Assert.Equal(XLAllowedValues.WholeNumber, Validation(person.Cell(monthly, "Value")).AllowedValues);
        var status = Validation(person.Cell(qualitative, "Status"));
        Assert.Equal(XLAllowedValues.List, status.AllowedValues);
        Assert.Equal("\"On track,At risk,Off track,Complete,Not started\"", status.Value); // quoted: an explicit list, not a formula
        Assert.Equal(42840m, person.Cell(monthly, "Target").GetValue<decimal>());
        var housing = (await new TemplateQuery(harness.Warehouse.Database).BuildAsync("HOU", Period.Quarter(2026, 2), CancellationToken.None))!;
        var housingPerson = new TemplatePerson(TemplateWorkbook.ToBytes(housing));
        var percentage = Validation(housingPerson.Cell(housingPerson.RowOf("ASH-HOU-04", "2026/27 Q2"), "Value"));
        Assert.Equal(XLAllowedValues.Decimal, percentage.AllowedValues);
        Assert.Equal(("0", "100"), (percentage.MinValue, percentage.MaxValue));
    }

    [Fact]
    public async Task Every_template_is_a_valid_workbook_by_the_Open_XML_schema_so_Excel_opens_it()
    {
        await using var harness = await IngestHarness.CreateAsync();
        // Every kind of row: qualitative, monthly and quarterly counts, percentages, money, days, ratios.
        var templates = await new TemplateQuery(harness.Warehouse.Database).BuildAllAsync(Period.Quarter(2026, 4), CancellationToken.None);

        var errors = templates.Where(t => t.Lines.Count > 0).SelectMany(template =>
        {
            using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(TemplateWorkbook.ToBytes(template)), false);
            return new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{template.FileName} {e.Path?.XPath}: {e.Description}").ToList();
        }).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static IXLDataValidation Validation(IXLCell cell) =>
        Assert.Single(cell.Worksheet.DataValidations.GetAllInRange(cell.AsRange().RangeAddress));
}
