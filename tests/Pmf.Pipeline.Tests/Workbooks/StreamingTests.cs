using System.Globalization;
using System.IO.Compression;
using System.Text;
using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Tests.Workbooks;

/// <summary>Rows are streamed: the memory a reader holds does not grow as it moves down a very long file.</summary>
public sealed class StreamingTests : IDisposable
{
    private const long AllowedGrowthBytes = 16 * 1024 * 1024;
    private readonly string _directory = Directory.CreateTempSubdirectory("pmf-streaming-").FullName;

    [Fact]
    public void A_million_row_csv_is_read_in_flat_memory()
    {
        const int rows = 1_000_000;
        var path = Path.Combine(_directory, "big.csv");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            writer.Write("Indicator,Period,Value,Commentary\n");
            for (var i = 1; i < rows; i++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"IND-{i % 500:000},2025/26 Q1,{i}.5,\"row {i}, fine\"\n"));
            }
        }

        AssertFlatMemory(path, rows);
    }

    [Fact]
    public void A_long_xlsx_is_read_in_flat_memory()
    {
        const int rows = 300_000;
        var path = Path.Combine(_directory, "big.xlsx");
        LongXlsx.Write(path, rows);

        AssertFlatMemory(path, rows);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static void AssertFlatMemory(string path, int expectedRows)
    {
        using var stream = File.OpenRead(path);
        using var workbook = WorkbookReader.Open(stream, Path.GetFileName(path));
        long early = 0;
        long late = 0;
        var count = 0;
        foreach (var row in workbook.ReadRows(workbook.Sheets[0]))
        {
            count++;
            Assert.Equal(count, row.RowNumber);
            if (count == expectedRows / 10)
            {
                early = GC.GetTotalMemory(forceFullCollection: true);
            }
            else if (count == expectedRows * 9 / 10)
            {
                late = GC.GetTotalMemory(forceFullCollection: true);
            }
        }

        Assert.Equal(expectedRows, count);
        Assert.True(late - early < AllowedGrowthBytes, $"memory grew by {(late - early) / 1024 / 1024} MB between 10% and 90% of the rows");
    }

    /// <summary>Writes a minimal .xlsx of inline strings and numbers straight to disk, row by row.</summary>
    private static class LongXlsx
    {
        public static void Write(string path, int rows)
        {
            using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
            Part(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Return" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
            sheet.Write(string.Create(CultureInfo.InvariantCulture, $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C{rows}"/><sheetData>"""));
            for (var r = 1; r <= rows; r++)
            {
                sheet.Write(string.Create(CultureInfo.InvariantCulture, $"""<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>IND-{r % 500:000}</t></is></c><c r="B{r}"><v>{r}.5</v></c><c r="C{r}" t="inlineStr"><is><t>row {r}</t></is></c></row>"""));
            }

            sheet.Write("</sheetData></worksheet>");
        }

        private static void Part(ZipArchive zip, string name, string content)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            writer.Write(content);
        }
    }
}
