using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Pmf.Pipeline.Tests.Returns;

/// <summary>
/// Writes an .xlsx by hand, row by row, straight into the zip: for what ClosedXML will not make (formulas
/// without a cached result, a 100 kB cell, a row beyond Excel's last, a sheet cut off mid-way) and for
/// long sheets that must not be built in memory.
/// </summary>
internal static class RawXlsx
{
    public static byte[] Bytes(IEnumerable<string> rows, bool truncate = false)
    {
        using var stream = new MemoryStream();
        Write(stream, rows, truncate);
        return stream.ToArray();
    }

    /// <summary>
    /// Writes the workbook. No dimension is written; ExcelDataReader 3.6 scans the whole sheet when it opens the
    /// file either way (to count its columns), so damaged XML anywhere in the sheet is found on opening.
    /// </summary>
    public static void Write(Stream stream, IEnumerable<string> rows, bool truncate = false)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        Part(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
        Part(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Return" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Part(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
        using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        foreach (var row in rows)
        {
            sheet.Write(row);
        }

        if (!truncate)
        {
            sheet.Write("</sheetData></worksheet>");
        }
    }

    /// <summary>A row of cells; each cell is made by <see cref="Text"/>, <see cref="Number"/> or <see cref="Formula"/>.</summary>
    public static string Row(int row, params Func<int, string>[] cells)
    {
        var xml = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"<row r=\"{row}\">"));
        for (var c = 0; c < cells.Length; c++)
        {
            xml.Append(cells[c](row));
        }

        return xml.Append("</row>").ToString();
    }

    public static Func<int, string> Text(string column, string text) =>
        row => string.Create(CultureInfo.InvariantCulture, $"<c r=\"{column}{row}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{SecurityElement.Escape(text)}</t></is></c>");

    public static Func<int, string> Number(string column, double value) =>
        row => string.Create(CultureInfo.InvariantCulture, $"<c r=\"{column}{row}\"><v>{value}</v></c>");

    /// <summary>A formula cell; <paramref name="cached"/> null writes none, as a program that never calculates does.</summary>
    public static Func<int, string> Formula(string column, string formula, double? cached) =>
        row => cached is { } value
            ? string.Create(CultureInfo.InvariantCulture, $"<c r=\"{column}{row}\"><f>{SecurityElement.Escape(formula)}</f><v>{value}</v></c>")
            : string.Create(CultureInfo.InvariantCulture, $"<c r=\"{column}{row}\"><f>{SecurityElement.Escape(formula)}</f></c>");

    /// <summary>The standard header in row <paramref name="row"/>: Indicator, Period, Value, Commentary.</summary>
    public static string HeaderRow(int row = 1) =>
        Row(row, Text("A", "Indicator"), Text("B", "Period"), Text("C", "Value"), Text("D", "Commentary"));

    private static void Part(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
