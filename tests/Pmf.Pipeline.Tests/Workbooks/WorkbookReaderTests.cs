using ClosedXML.Excel;
using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Tests.Workbooks;

public sealed class WorkbookReaderTests
{
    [Fact]
    public void Sheets_are_listed_in_order_with_hidden_ones_marked()
    {
        using var workbook = Xlsx.Open(wb =>
        {
            wb.Worksheets.Add("Return").Cell(1, 1).Value = "x";
            wb.Worksheets.Add("Lookups").Visibility = XLWorksheetVisibility.Hidden;
            wb.Worksheets.Add("Notes").Cell(1, 1).Value = "y";
        });

        Assert.Equal(WorkbookFormat.Xlsx, workbook.Format);
        Assert.Equal(
            [new WorkbookSheet(0, "Return", true), new WorkbookSheet(1, "Lookups", false), new WorkbookSheet(2, "Notes", true)],
            workbook.Sheets);
    }

    [Fact]
    public void Row_numbers_are_as_Excel_shows_them_and_blank_rows_are_skipped()
    {
        using var workbook = Xlsx.Open(wb =>
        {
            var sheet = wb.Worksheets.Add("Return");
            sheet.Cell(2, 1).Value = "Housing return";
            sheet.Cell(5, 1).Value = "Indicator";
            sheet.Cell(5, 3).Value = "Value";
            sheet.Cell(6, 2).Style.Fill.BackgroundColor = XLColor.Yellow; // formatted but empty
            sheet.Cell(9, 1).Value = "HOU-01";
        });

        var rows = Xlsx.Rows(workbook);

        Assert.Equal([2, 5, 9], rows.Select(r => r.RowNumber));
        Assert.Equal(3, rows[1].Cells.Count);
        Assert.True(rows[1][1].IsBlank);
        Assert.True(rows[1][42].IsBlank);
    }

    [Fact]
    public void Cells_carry_their_raw_value_and_number_format()
    {
        using var workbook = Xlsx.Open(wb =>
        {
            var sheet = wb.Worksheets.Add("Return");
            sheet.Cell(1, 1).Text("0042");
            sheet.Cell(1, 2).Value = 0.85;
            sheet.Cell(1, 2).Style.NumberFormat.Format = "0%";
            sheet.Cell(1, 3).Value = new DateTime(2025, 6, 30, 0, 0, 0, DateTimeKind.Unspecified);
            sheet.Cell(1, 3).Style.NumberFormat.Format = "dd/mm/yyyy";
            sheet.Cell(1, 4).Value = true;
            sheet.Cell(1, 5).Value = 1234.5;
            sheet.Cell(1, 5).Style.NumberFormat.Format = "#,##0.00";
        });

        var cells = Xlsx.Rows(workbook).Single().Cells;

        Assert.Equal("0042", cells[0].Value);
        Assert.Equal(0.85, cells[1].Value);
        Assert.True(cells[1].IsPercentFormatted);
        Assert.Equal("85%", cells[1].Text);
        Assert.Equal(new DateTime(2025, 6, 30, 0, 0, 0, DateTimeKind.Unspecified), cells[2].Value);
        Assert.Equal("2025-06-30", cells[2].Text);
        Assert.Equal(true, cells[3].Value);
        Assert.Equal(1234.5, cells[4].Value);
        Assert.Equal("#,##0.00", cells[4].NumberFormat);
        Assert.False(cells[4].IsPercentFormatted);
    }

    [Fact]
    public void Sheets_can_be_read_in_any_order_and_more_than_once()
    {
        using var workbook = Xlsx.Open(wb =>
        {
            wb.Worksheets.Add("First").Cell(1, 1).Value = "one";
            wb.Worksheets.Add("Second").Cell(1, 1).Value = "two";
        });

        Assert.Equal("two", Xlsx.Rows(workbook, 1).Single()[0].Text);
        Assert.Equal("one", Xlsx.Rows(workbook, 0).Single()[0].Text);
        Assert.Equal("one", Xlsx.Rows(workbook, 0).Single()[0].Text);
        Assert.Equal("two", Xlsx.Rows(workbook, 1).Single()[0].Text);
    }

    [Fact]
    public void Reading_a_sheet_after_another_has_started_is_refused_rather_than_mixing_rows()
    {
        using var workbook = Xlsx.Open(wb =>
        {
            var first = wb.Worksheets.Add("First");
            first.Cell(1, 1).Value = "one";
            first.Cell(2, 1).Value = "one again";
            wb.Worksheets.Add("Second").Cell(1, 1).Value = "two";
        });
        using var first = workbook.ReadRows(workbook.Sheets[0]).GetEnumerator();
        Assert.True(first.MoveNext());

        Assert.Single(workbook.ReadRows(workbook.Sheets[1]));
        Assert.Throws<InvalidOperationException>(() => first.MoveNext());
    }

    [Fact]
    public void A_forward_only_stream_is_read_too()
    {
        var bytes = Xlsx.Build(wb => wb.Worksheets.Add("Return").Cell(3, 2).Value = 7).ToArray();

        using var workbook = WorkbookReader.Open(new ForwardOnlyStream(bytes), "return.xlsx");

        var row = Xlsx.Rows(workbook).Single();
        Assert.Equal(3, row.RowNumber);
        Assert.Equal(7.0, row[1].Value);
    }

    [Fact]
    public void An_xlsx_saved_with_an_xls_name_is_read_by_its_contents()
    {
        using var workbook = WorkbookReader.Open(Xlsx.Build(wb => wb.Worksheets.Add("Return").Cell(1, 1).Value = "x"), "return.xls");

        Assert.Equal(WorkbookFormat.Xlsx, workbook.Format);
        Assert.Single(Xlsx.Rows(workbook));
    }

    [Fact]
    public void An_empty_file_is_rejected_as_empty()
    {
        var ex = Assert.Throws<WorkbookException>(() => WorkbookReader.Open(new MemoryStream(), "q1-housing.xlsx"));

        Assert.Equal(WorkbookFailure.Empty, ex.Failure);
        Assert.Equal("'q1-housing.xlsx' is empty (0 bytes); please save it again from Excel and resend it.", ex.Message);
    }

    [Theory]
    [InlineData("return.pdf", "is not a file type the pipeline reads")]
    [InlineData("return", "is not a file type the pipeline reads")]
    [InlineData("return.xlsb", "Excel binary workbook (.xlsb)")]
    public void A_file_type_the_pipeline_does_not_read_is_rejected_by_name(string fileName, string expected)
    {
        var ex = Assert.Throws<WorkbookException>(() => WorkbookReader.Open(new MemoryStream([1, 2, 3]), fileName));

        Assert.Equal(WorkbookFailure.UnsupportedType, ex.Failure);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith($"'{fileName}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_renamed_to_xlsx_is_not_a_workbook_and_the_message_says_it_is_text()
    {
        var ex = Assert.Throws<WorkbookException>(() => WorkbookReader.Open(new MemoryStream("Indicator,Period,Value\nHOU-01,2025/26 Q1,12\n"u8.ToArray()), "q1.xlsx"));

        Assert.Equal(WorkbookFailure.NotAWorkbook, ex.Failure);
        Assert.Contains("plain text", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("q1.xlsx")]
    [InlineData("q1.xls")]
    [InlineData("q1.csv")]
    public void Random_bytes_are_not_a_workbook(string fileName)
    {
        var bytes = new byte[20_000];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0x42; // not by chance a zip, OLE or BIFF signature

        var ex = Assert.Throws<WorkbookException>(() => WorkbookReader.Open(new MemoryStream(bytes), fileName));

        Assert.Equal(WorkbookFailure.NotAWorkbook, ex.Failure);
        Assert.Contains(fileName, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_xlsx_is_damaged()
    {
        var bytes = Xlsx.Build(wb => wb.Worksheets.Add("Return").Cell(1, 1).Value = "x").ToArray();

        var ex = Xlsx.Rejection(new MemoryStream(bytes[..(bytes.Length / 2)]), "q1.xlsx");

        Assert.Equal(WorkbookFailure.Damaged, ex.Failure);
        Assert.Contains("damaged", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_beyond_the_column_limit_is_rejected_naming_the_cell()
    {
        var stream = Xlsx.Build(wb =>
        {
            var sheet = wb.Worksheets.Add("Return");
            sheet.Cell(1, WorkbookLimits.MaxColumns).Value = "last allowed";
            sheet.Cell(4, WorkbookLimits.MaxColumns + 1).Value = "stray";
        });

        var ex = Xlsx.Rejection(stream, "q1.xlsx");

        Assert.Equal(WorkbookFailure.TooLarge, ex.Failure);
        Assert.Contains("cell ALM4 of sheet 'Return'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Formatting_beyond_the_column_limit_without_data_is_ignored()
    {
        using var workbook = Xlsx.Open(wb =>
        {
            var sheet = wb.Worksheets.Add("Return");
            sheet.Cell(1, 1).Value = "Indicator";
            sheet.Cell(1, 5000).Style.Fill.BackgroundColor = XLColor.Red;
        });

        Assert.Single(Xlsx.Rows(workbook)[0].Cells);
    }

    [Theory]
    [InlineData("xl/sharedStrings.xml", 200L * 1024 * 1024)]
    [InlineData("xl/worksheets/sheet1.xml", 3L * 1024 * 1024 * 1024)]
    public void A_package_part_that_would_unpack_beyond_its_limit_is_rejected_before_reading(string part, long declaredSize)
    {
        var bytes = Xlsx.Build(wb => wb.Worksheets.Add("Return").Cell(1, 1).Value = "x").ToArray();
        ZipPatch.DeclareUncompressedSize(bytes, part, declaredSize);

        var ex = Assert.Throws<WorkbookException>(() => WorkbookReader.Open(new MemoryStream(bytes), "bomb.xlsx"));

        Assert.Equal(WorkbookFailure.TooLarge, ex.Failure);
        Assert.Contains(part, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_xls_file_is_read_with_its_sheets_and_types()
    {
        using var stream = File.OpenRead(Path.Combine(TestFiles.Awkward, "ExcelDataReader", "as3xls_BIFF5.xls"));
        using var workbook = WorkbookReader.Open(stream, "as3xls_BIFF5.xls");

        Assert.Equal(WorkbookFormat.Xls, workbook.Format);
        Assert.Equal(["Sheet1", "Sheet2", "Sheet3"], workbook.Sheets.Select(s => s.Name));
        var first = Xlsx.Rows(workbook).First();
        Assert.Equal(1, first.RowNumber);
        Assert.Equal(1.0, first[0].Value);
        Assert.Equal("Hi", first[1].Value);
        Assert.Equal("#,##0.00", first[2].NumberFormat);
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Position { get => base.Position; set => throw new NotSupportedException(); }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
