using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Tests.Workbooks;

public sealed class XlsWriterTests
{
    [Fact]
    public void A_written_xls_reads_back_with_its_sheets_values_and_formats()
    {
        var bytes = XlsWriter.Write(
        [
            ("First", [["Code", "Value", "Share", "When", "Flag"], ["HOU-01", 12.5, new XlsWriter.PercentValue(0.85), new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Unspecified), true]]),
            ("Second", [[null, "B1"]]),
        ]);

        using var workbook = WorkbookReader.Open(new MemoryStream(bytes), "written.xls");

        Assert.Equal(WorkbookFormat.Xls, workbook.Format);
        Assert.Equal(["First", "Second"], workbook.Sheets.Select(s => s.Name));
        var rows = Xlsx.Rows(workbook);
        Assert.Equal("Code", rows[0][0].Value);
        Assert.Equal(12.5, rows[1][1].Value);
        Assert.True(rows[1][2].IsPercentFormatted);
        Assert.Equal(new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Unspecified), rows[1][3].Value);
        Assert.Equal(true, rows[1][4].Value);
        Assert.Equal("B1", Xlsx.Rows(workbook, 1).Single()[1].Value);
    }
}
