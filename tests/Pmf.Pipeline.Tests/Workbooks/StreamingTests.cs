using System.Globalization;
using System.Text;
using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Tests.Workbooks;

/// <summary>
/// A long file is read to its last row, in order, numbered as the sheet shows it. That the memory a reader
/// holds stays flat down a very long file is measured in the bench (<c>Pmf.Bench stream</c>), in a process of its own.
/// </summary>
public sealed class StreamingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pmf-streaming-").FullName;

    [Fact]
    public void A_long_csv_is_read_row_by_row_to_its_last_row()
    {
        const int rows = 50_000;
        var path = Path.Combine(_directory, "big.csv");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            writer.Write("Indicator,Period,Value,Commentary\n");
            for (var i = 1; i < rows; i++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"IND-{i % 500:000},2025/26 Q1,{i}.5,\"row {i}, fine\"\n"));
            }
        }

        AssertEveryRow(path, rows, string.Create(CultureInfo.InvariantCulture, $"IND-{(rows - 1) % 500:000}"));
    }

    [Fact]
    public void A_long_xlsx_is_read_row_by_row_to_its_last_row()
    {
        const int rows = 20_000;
        var path = Path.Combine(_directory, "big.xlsx");
        using (var file = File.Create(path))
        {
            RawXlsx.Write(file, sheet =>
            {
                sheet.Write(string.Create(CultureInfo.InvariantCulture, $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C{rows}"/><sheetData>"""));
                for (var r = 1; r <= rows; r++)
                {
                    sheet.Write(string.Create(CultureInfo.InvariantCulture, $"""<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>IND-{r % 500:000}</t></is></c><c r="B{r}"><v>{r}.5</v></c><c r="C{r}" t="inlineStr"><is><t>row {r}</t></is></c></row>"""));
                }

                sheet.Write("</sheetData></worksheet>");
            });
        }

        AssertEveryRow(path, rows, string.Create(CultureInfo.InvariantCulture, $"IND-{rows % 500:000}"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static void AssertEveryRow(string path, int expectedRows, string lastIndicator)
    {
        using var stream = File.OpenRead(path);
        using var workbook = WorkbookReader.Open(stream, Path.GetFileName(path));
        var count = 0;
        string? last = null;
        foreach (var row in workbook.ReadRows(workbook.Sheets[0]))
        {
            count++;
            Assert.Equal(count, row.RowNumber);
            last = row[0].Value?.ToString();
        }

        Assert.Equal(expectedRows, count);
        Assert.Equal(lastIndicator, last);
    }
}
