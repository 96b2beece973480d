using System.Text;
using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Tests.Workbooks;

public sealed class CsvReadingTests
{
    [Fact]
    public void A_csv_is_one_sheet_named_after_the_file_with_quoted_fields_kept_whole()
    {
        const string text = "Indicator,Value,Commentary\r\nHOU-01,\"1,234\",\"Late, because \"\"the system\"\"\nwas down\"\r\nHOU-02,85%,\r\n";

        var rows = Read(Encoding.UTF8.GetBytes(text), "housing-q1.csv", out var sheet);

        Assert.Equal(new WorkbookSheet(0, "housing-q1", true), sheet);
        Assert.Equal([1, 2, 3], rows.Select(r => r.RowNumber));
        Assert.Equal("1,234", rows[1][1].Value);
        Assert.Equal("Late, because \"the system\"\nwas down", rows[1][2].Value);
        Assert.Null(rows[1][1].NumberFormat);
        Assert.Equal("85%", rows[2][1].Value);
    }

    [Theory]
    [InlineData("utf-8 with BOM")]
    [InlineData("utf-8")]
    [InlineData("utf-16 with BOM")]
    [InlineData("windows-1252")]
    public void Pound_signs_survive_every_encoding_Excel_saves_csv_in(string encodingName)
    {
        const string text = "Indicator,Value\nFIN-01,£1,234.50\n";
        var bytes = encodingName switch
        {
            "utf-8 with BOM" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf-8" => Encoding.UTF8.GetBytes(text),
            "utf-16 with BOM" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            _ => Encoding.Latin1.GetBytes(text), // £ is 0xA3 in Windows-1252 and Latin-1 alike
        };

        var rows = Read(bytes, "finance.csv", out _);

        Assert.Equal("Indicator", rows[0][0].Value);
        Assert.Equal("£1", rows[1][1].Value);
    }

    [Theory]
    [InlineData("Indicator;Period;Value\nHOU-01;2025/26 Q1;85,5\n", "semicolons")]
    [InlineData("Indicator\tPeriod\tValue\nHOU-01\t2025/26 Q1\t85.5\n", "tabs")]
    public void A_csv_not_separated_by_commas_is_rejected_with_how_to_save_it(string text, string separator)
    {
        var ex = Xlsx.Rejection(new MemoryStream(Encoding.UTF8.GetBytes(text)), "q1.csv");

        Assert.Equal(WorkbookFailure.NotCommaSeparated, ex.Failure);
        Assert.Equal($"'q1.csv' is separated by {separator}, not commas; please save it from Excel as 'CSV UTF-8 (Comma delimited)' and send it again.", ex.Message);
    }

    [Fact]
    public void Semicolons_inside_a_comma_separated_file_are_just_text()
    {
        var rows = Read("Indicator,Commentary\nHOU-01,Good; better than last year\n"u8.ToArray(), "q1.csv", out _);

        Assert.Equal("Good; better than last year", rows[1][1].Value);
    }

    [Fact]
    public void A_quote_never_closed_is_reported_at_the_row_where_it_opens()
    {
        var text = new StringBuilder("Indicator,Value,Commentary\nHOU-01,12,fine\nHOU-02,13,\"oops\n");
        for (var i = 0; i < 5000; i++)
        {
            text.Append("HOU-03,14,more text\n");
        }

        var ex = Xlsx.Rejection(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), "q1.csv");

        Assert.Equal(WorkbookFailure.TooLarge, ex.Failure);
        Assert.Contains("starting in row 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("quote mark", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_wider_than_the_column_limit_is_rejected()
    {
        var text = "a,b\n" + string.Join(',', Enumerable.Repeat("x", WorkbookLimits.MaxColumns + 1)) + "\n";

        var ex = Xlsx.Rejection(new MemoryStream(Encoding.UTF8.GetBytes(text)), "wide.csv");

        Assert.Equal(WorkbookFailure.TooLarge, ex.Failure);
        Assert.Contains("row 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workbook_named_csv_is_read_as_the_workbook_it_is()
    {
        var stream = Xlsx.Build(wb => wb.Worksheets.Add("Return").Cell(1, 1).Value = "Indicator");

        using var workbook = WorkbookReader.Open(stream, "return.csv");

        Assert.Equal(WorkbookFormat.Xlsx, workbook.Format);
        Assert.Equal("Indicator", Xlsx.Rows(workbook).Single()[0].Value);
    }

    private static List<WorkbookRow> Read(byte[] bytes, string fileName, out WorkbookSheet sheet)
    {
        using var workbook = WorkbookReader.Open(new MemoryStream(bytes), fileName);
        Assert.Equal(WorkbookFormat.Csv, workbook.Format);
        sheet = Assert.Single(workbook.Sheets);
        return Xlsx.Rows(workbook);
    }
}
