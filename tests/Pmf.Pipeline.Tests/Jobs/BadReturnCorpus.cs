using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using Pmf.Pipeline.Tests.Workbooks;

namespace Pmf.Pipeline.Tests.Jobs;

/// <summary>
/// Returns people really send, and worse. Each case is a file (name and bytes) built here or taken
/// from the awkward-workbooks corpus, with the verdict it must get and a fragment of the reason a
/// person must be told.
/// </summary>
public static class BadReturnCorpus
{
    private const string Code = "ASH-HOU-01";
    private const string Period = "2026/27 Q1";

    public enum Expect
    {
        /// <summary>The file as a whole is rejected.</summary>
        Rejected,

        /// <summary>The file loads, at least in part, and the issues say what was wrong.</summary>
        Loaded,
    }

    public sealed record Case(string Name, string FileName, Func<byte[]> Bytes, Expect Expect, string Fragment)
    {
        public override string ToString() => Name;
    }

    public static IReadOnlyList<Case> All { get; } =
    [
        new("zero bytes", "q1.xlsx", () => [], Expect.Rejected, "empty"),
        new("text renamed .xlsx", "q1.xlsx", () => "Indicator,Period,Value\nASH-HOU-01,2026/27 Q1,30\n"u8.ToArray(), Expect.Rejected, "text"),
        new("random bytes", "q1.xlsx", () => [.. Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) % 251))], Expect.Rejected, "not"),
        new("truncated zip", "q1.xlsx", () => Good()[..600], Expect.Rejected, "damaged"),
        new("zip that is not a workbook", "q1.xlsx", NotAWorkbookZip, Expect.Rejected, "workbook"),
        new("empty zip", "q1.xlsx", () => Awkward("ExcelDataReader/EmptyZipFile.xlsx"), Expect.Rejected, "workbook"),
        new("encrypted xlsx", "q1.xlsx", () => Awkward("ExcelDataReader/agile_AES256_SHA512_CBC_pwd_password.xlsx"), Expect.Rejected, "password"),
        new("encrypted xls", "q1.xls", () => Awkward("poi/password.xls"), Expect.Rejected, "password"),
        new("corrupt xls", "q1.xls", () => Awkward("ExcelDataReader/Test_Issue_12556_corrupt.xls"), Expect.Rejected, "damaged"),
        new("xml bomb", "q1.xlsx", () => Awkward("poi/poc-xmlbomb-empty.xlsx"), Expect.Rejected, "damaged"),
        new("header only", "q1.xlsx", () => Xlsx([["Indicator", "Period", "Value"]]), Expect.Rejected, "no data rows"),
        new("no recognisable header", "q1.xlsx", () => Xlsx([["Code number", "When", "How many"], ["x", "y", "z"]]), Expect.Rejected, "no header"),
        new("header below row 20", "q1.xlsx", () => Xlsx([.. Enumerable.Repeat<object?[]>(["notes"], 25), ["Indicator", "Period", "Value"], [Code, Period, 30]]), Expect.Rejected, "first 20 rows"),
        new("header only on a hidden sheet", "q1.xlsx", () => Xlsx([["Indicator", "Period", "Value"], [Code, Period, 30]], hide: true), Expect.Rejected, "hidden"),
        new("duplicate header columns", "q1.xlsx", () => Xlsx([["Indicator", "Period", "Value", "Value"], [Code, Period, 30, 31]]), Expect.Rejected, "repeats"),
        new("no value or status column", "q1.xlsx", () => Xlsx([["Indicator", "Period", "Notes"], [Code, Period, "x"]]), Expect.Rejected, "Value"),
        new("a thousand columns", "q1.xlsx", () => Xlsx([[.. new object?[] { "Indicator", "Period", "Value" }.Concat(Enumerable.Range(4, 1000).Select(i => (object?)$"Extra {i}"))], [Code, Period, 30]]), Expect.Rejected, "columns"),
        new("100 kB cell", "q1.csv", () => Csv($"Indicator,Period,Value,Commentary\n{Code},{Period},30,{new string('x', 100_000)}\n"), Expect.Rejected, "long"),
        new("semicolon CSV", "q1.csv", () => Csv($"Indicator;Period;Value\n{Code};{Period};30,5\n"), Expect.Rejected, "comma"),
        new("unsupported extension", "q1.exe", Good, Expect.Rejected, ".xlsx"),
        new("every code unknown", "q1.xlsx", () => Xlsx([["Indicator", "Period", "Value"], ["NOPE-1", Period, 30], ["NOPE-2", Period, 31]]), Expect.Rejected, "No row"),
        new("every row another service's", "q1.xlsx", () => Xlsx([["Indicator", "Period", "Value"], ["ASH-WST-01", Period, 50]]), Expect.Rejected, "No row"),
        new("a period in the future", "q1.xlsx", () => Xlsx([["Indicator", "Period", "Value"], [Code, "2027/28 Q1", 30], [Code, Period, 30]]), Expect.Loaded, "DQ022"),
        new("hostile formula text", "q1.xlsx", () => Xlsx([["Indicator", "Period", "Value", "Commentary"], [Code, Period, 30, "=cmd|' /C calc'!A0"]]), Expect.Loaded, ""),
        new("formula text in a value cell", "q1.xlsx", () => Xlsx([["Indicator", "Period", "Value"], [Code, Period, "=SUM(A1:A2)"], ["ASH-HOU-04", Period, 66]]), Expect.Loaded, "DQ040"),
        new("control characters", "q1.xlsx", () => Xlsx([["Indicator", "Period", "Value", "Commentary"], [Code, Period, 30, "line\u0001one\u0007bell"]]), Expect.Loaded, ""),
        new("UTF-16 CSV", "q1.csv", () => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes($"Indicator,Period,Value\r\n{Code},{Period},30\r\n")).ToArray(), Expect.Loaded, ""),
        new("CSV with BOM, quoted commas and newlines", "q1.csv", () => Csv($"\uFEFFIndicator,Period,Value,Commentary\r\n{Code},{Period},30,\"Good, steady\nprogress\"\r\n"), Expect.Loaded, ""),
        new("ragged CSV rows", "q1.csv", () => Csv($"Indicator,Period,Value,Commentary\n{Code},{Period}\nASH-HOU-04,{Period},66,ok,extra,cells\n"), Expect.Loaded, "DQ041"),
        new("conflicting duplicate rows", "q1.xlsx", () => Xlsx([["Indicator", "Period", "Value"], [Code, Period, 30], [Code, Period, 31], ["ASH-HOU-04", Period, 66]]), Expect.Loaded, "DQ031"),
        new("numbers typed as text", "q1.xlsx", () => Xlsx([["Indicator", "Period", "Value"], [Code, Period, " 1,234 "], ["ASH-HOU-04", Period, "66.5 %"]]), Expect.Loaded, ""),
        new("data on a sheet not named Return beside an empty Return sheet", "q1.xlsx", DataBesideEmptyReturnSheet, Expect.Loaded, ""),
        new("Excel date in the period column", "q1.xlsx", () => Xlsx([["Indicator", "Period", "Value"], [Code, new DateTime(2026, 5, 15, 0, 0, 0, DateTimeKind.Unspecified), 30]]), Expect.Loaded, ""),
        new("a value at decimal's limit", "q1.csv", () => Csv($"Indicator,Period,Value\n{Code},{Period},79228162514264337593543950335\nASH-HOU-04,{Period},66\n"), Expect.Loaded, "DQ048 Value '79228162514264337593543950335' is too large"),
        new("a numerator of 7.9e28 over a denominator of 1", "q1.csv", () => Csv($"Indicator,Period,Value,Numerator,Denominator\n{Code},{Period},,79000000000000000000000000000,1\nASH-HOU-04,{Period},66,,\n"), Expect.Loaded, "DQ048 Numerator '79000000000000000000000000000' is too large"),
        new("a worked-out value beyond decimal's range", "q1.csv", () => Csv($"Indicator,Period,Value,Numerator,Denominator\n{Code},{Period},,5,0.0000000000000000000000000001\nASH-HOU-04,{Period},66,,\n"), Expect.Loaded, "DQ048 Numerator 5 ÷ Denominator 0.0000000000000000000000000001"),
        new("a previous value of 10^-28 then 12", "q1.csv", () => Csv($"Indicator,Period,Value\n{Code},2025/26 Q4,0.0000000000000000000000000001\n{Code},{Period},12\n"), Expect.Loaded, ""),
        new("20 MB inline string in a small xlsx", "q1.xlsx", () => HugeCell(inline: true), Expect.Rejected, "cell or string"),
        new("20 MB shared string in a small xlsx", "q1.xlsx", () => HugeCell(inline: false), Expect.Rejected, "cell or string"),
        new("5,000 unknown indicators (issues capped at 1,000)", "q1.csv", () => Faults.GarbageGrowthTests.UnknownIndicators(5_000), Expect.Rejected, "No row"),
        new("legacy .xls", "q1.xls", () => XlsWriter.Write([("Return", [["Indicator", "Period", "Value"], [Code, Period, 30.0]])]), Expect.Loaded, ""),

        // Issue 16: a value the gate cannot compute with never stops the queue (the file gets a verdict:
        // "could not process" while the gate crashes on it, "could be accepted" once it is a row error).
        new("percentage numerator beyond decimal range", "q1.csv", () => Csv($"Indicator,Period,Value,Numerator,Denominator\nASH-HOU-04,{Period},,79000000000000000000000000000,1\n"), Expect.Rejected, "could"),
        new("#DIV/0! error cell with a reason", "q1.xlsx", () => ErrorCellXlsx("#DIV/0!"), Expect.Rejected, "Excel's error #DIV/0!"),
        new("#N/A typed in a CSV value with a reason", "q1.csv", () => Csv($"Indicator,Period,Value,Commentary\n{Code},{Period},#N/A,Awaiting data\n"), Expect.Rejected, "Excel's error #N/A"),
        new("UTF-8 CSV with one Windows-1252 byte", "q1.csv", () => [.. Csv($"Indicator,Period,Value,Commentary\n{Code},{Period},30,café ok\n{Code.Replace("01", "04", StringComparison.Ordinal)},{Period},66,it"), 0x92, .. Csv("s fine\n")], Expect.Loaded, "DQ005"),
        new("NUL, BEL and ESC in a CSV commentary", "q1.csv", () => Csv($"Indicator,Period,Value,Commentary\n{Code},{Period},30,a\u0000b\u0007c\u001B[31md\n"), Expect.Loaded, ""),
        new("workbook with two parts of one name", "q1.xlsx", Reports.ContentHygieneTests.TwinSheetXlsx, Expect.Rejected, "two parts named"),
    ];

    private static byte[] ErrorCellXlsx(string error) => Returns.RawXlsx.Bytes(
    [
        Returns.RawXlsx.Row(1, Returns.RawXlsx.Text("A", "Indicator"), Returns.RawXlsx.Text("B", "Period"), Returns.RawXlsx.Text("C", "Value"), Returns.RawXlsx.Text("D", "Commentary")),
        Returns.RawXlsx.Row(2, Returns.RawXlsx.Text("A", Code), Returns.RawXlsx.Text("B", Period), r => $"<c r=\"C{r}\" t=\"e\"><f>1/0</f><v>{error}</v></c>", Returns.RawXlsx.Text("D", "Awaiting data")),
    ]);

    private static byte[] Good() => Xlsx([["Indicator", "Period", "Value"], [Code, Period, 30]]);

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Awkward(string relative) => File.ReadAllBytes(Path.Combine(TestFiles.Awkward, relative));

    private static byte[] Xlsx(object?[][] rows, bool hide = false)
    {
        using var workbook = new XLWorkbook();
        if (hide)
        {
            workbook.AddWorksheet("Cover").Cell(1, 1).Value = "Quarterly return";
        }

        var sheet = workbook.AddWorksheet(hide ? "Data" : "Return");
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                switch (rows[r][c])
                {
                    case null:
                        break;
                    case string text:
                        sheet.Cell(r + 1, c + 1).SetValue(text);
                        sheet.Cell(r + 1, c + 1).DataType = XLDataType.Text;
                        break;
                    case DateTime date:
                        sheet.Cell(r + 1, c + 1).Value = date;
                        break;
                    case var number:
                        sheet.Cell(r + 1, c + 1).Value = Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture);
                        break;
                }
            }
        }

        if (hide)
        {
            sheet.Hide();
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static byte[] DataBesideEmptyReturnSheet()
    {
        using var workbook = new XLWorkbook();
        workbook.AddWorksheet("Return");
        var data = workbook.AddWorksheet("Q1 data");
        data.Cell(1, 1).Value = "Indicator";
        data.Cell(1, 2).Value = "Period";
        data.Cell(1, 3).Value = "Value";
        data.Cell(2, 1).Value = Code;
        data.Cell(2, 2).Value = Period;
        data.Cell(2, 3).Value = 30;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>
    /// A workbook whose one cell holds 20 million characters, written straight into the zip (it packs to about
    /// 20 kB): inline in the sheet, or as the shared string the cell points at. Issue 16: at 500 MB such a cell
    /// cost 2 GB before the per-cell check saw it; it is now refused while the part streams.
    /// </summary>
    internal static byte[] HugeCell(bool inline, int characters = 20_000_000)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string content)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }

            Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
            Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Return" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            var chunk = new string('x', 1 << 20);
            using (var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open(), new UTF8Encoding(false)))
            {
                sheet.Write($"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Indicator</t></is></c><c r="B1" t="inlineStr"><is><t>Period</t></is></c><c r="C1" t="inlineStr"><is><t>Value</t></is></c><c r="D1" t="inlineStr"><is><t>Commentary</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>{Code}</t></is></c><c r="B2" t="inlineStr"><is><t>{Period}</t></is></c><c r="C2"><v>30</v></c>""");
                if (inline)
                {
                    sheet.Write("""<c r="D2" t="inlineStr"><is><t>""");
                    for (var written = 0; written < characters; written += chunk.Length)
                    {
                        sheet.Write(chunk);
                    }

                    sheet.Write("</t></is></c>");
                }
                else
                {
                    sheet.Write("""<c r="D2" t="s"><v>0</v></c>""");
                }

                sheet.Write("</row></sheetData></worksheet>");
            }

            using var strings = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
            strings.Write("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>""");
            for (var written = 0; !inline && written < characters; written += chunk.Length)
            {
                strings.Write(chunk);
            }

            strings.Write("</t></si></sst>");
        }

        return stream.ToArray();
    }

    private static byte[] NotAWorkbookZip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            entry.Write("<w:document/>");
        }

        return stream.ToArray();
    }
}
