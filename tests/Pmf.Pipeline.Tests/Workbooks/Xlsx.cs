using ClosedXML.Excel;
using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Tests.Workbooks;

/// <summary>Builds small workbooks in memory with ClosedXML and opens them through the workbook layer.</summary>
internal static class Xlsx
{
    public static MemoryStream Build(Action<XLWorkbook> fill)
    {
        using var workbook = new XLWorkbook();
        fill(workbook);
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    public static Workbook Open(Action<XLWorkbook> fill, string fileName = "test.xlsx") => WorkbookReader.Open(Build(fill), fileName);

    public static List<WorkbookRow> Rows(Workbook workbook, int sheet = 0) => [.. workbook.ReadRows(workbook.Sheets[sheet])];

    public static WorkbookException Rejection(Stream stream, string fileName) => Assert.Throws<WorkbookException>(() =>
    {
        using var workbook = WorkbookReader.Open(stream, fileName);
        foreach (var sheet in workbook.Sheets)
        {
            foreach (var row in workbook.ReadRows(sheet))
            {
                _ = row;
            }
        }
    });

    /// <summary>Sets a cell to text that stays text, even when it looks like a number or date.</summary>
    public static IXLCell Text(this IXLCell cell, string text)
    {
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
        return cell;
    }
}
