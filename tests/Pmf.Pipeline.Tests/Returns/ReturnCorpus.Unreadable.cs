using System.IO.Compression;
using System.Text;
using Pmf.Pipeline.Tests.Workbooks;
using static Pmf.Pipeline.Tests.Returns.RawXlsx;
using static Pmf.Pipeline.Tests.Returns.ReturnFiles;

namespace Pmf.Pipeline.Tests.Returns;

/// <summary>Files the workbook layer refuses: each must end in its message, up front or part-way down.</summary>
internal static partial class ReturnCorpus
{
    private static IEnumerable<ReturnCase> Unreadable()
    {
        yield return ReturnCase.Rejected("zero-bytes.xlsx", () => [], ReturnOutcome.Unreadable, "is empty (0 bytes)");
        yield return ReturnCase.Rejected("corrupt-zip.xlsx", () => Good() is var good ? good[..(good.Length / 2)] : [], ReturnOutcome.Unreadable, "damaged");
        yield return ReturnCase.Rejected("text-renamed.xlsx", () => Csv("Indicator,Period,Value\r\nHOU-01,2025/26 Q1,12\r\n", bom: false), ReturnOutcome.Unreadable, "plain text");
        yield return ReturnCase.Rejected("random-bytes.xls", RandomBytes, ReturnOutcome.Unreadable, "is not an Excel workbook");
        yield return ReturnCase.Rejected("return.pdf", Good, ReturnOutcome.Unreadable, "is not a file type the pipeline reads");
        yield return ReturnCase.Rejected("encrypted.xlsx", () => Awkward("ExcelDataReader/agile_AES256_SHA512_CBC_pwd_password.xlsx"), ReturnOutcome.Unreadable, "protected with a password");
        yield return ReturnCase.Rejected("encrypted.xls", () => Awkward("poi/password.xls"), ReturnOutcome.Unreadable, "unprotected copy");
        yield return ReturnCase.Rejected("semicolons.csv", () => Csv("Indicator;Period;Value\r\nHOU-01;2025/26 Q1;85,5\r\nHOU-02;2025/26 Q1;12\r\n"), ReturnOutcome.Unreadable, "separated by semicolons");
        yield return ReturnCase.Rejected("tabs.csv", () => Csv("Indicator\tPeriod\tValue\r\nHOU-01\t2025/26 Q1\t85.5\r\n"), ReturnOutcome.Unreadable, "separated by tabs");
        yield return ReturnCase.Rejected("zip-bomb.xlsx", ZipBomb, ReturnOutcome.Unreadable, "unpacks to");
        yield return ReturnCase.Rejected("declared-bomb.xlsx", DeclaredBomb, ReturnOutcome.Unreadable, "xl/worksheets/sheet1.xml");
        yield return ReturnCase.Rejected("unclosed-quote.csv", UnclosedQuote, ReturnOutcome.Unreadable, "quote mark");
        yield return ReturnCase.Rejected("cell-100kB.csv", () => Csv(Lines("Indicator,Period,Value,Commentary", $"HOU-01,2025/26 Q1,1,{Repeat('x', 100_000)}")), ReturnOutcome.Unreadable, "longer than 32,767 characters");
        yield return ReturnCase.Rejected("binary.csv", RandomBytes, ReturnOutcome.Unreadable, "not a CSV text file");
        yield return ReturnCase.Rejected("1001-columns.xlsx", () => Workbook(wb => wb.AddWorksheet("Return").Cell(1, 1001).Value = "stray"), ReturnOutcome.Unreadable, "beyond the 1,000 columns");

        // Damaged sheet XML is found on opening: ExcelDataReader scans the whole sheet before the first row is read.
        yield return ReturnCase.Rejected("truncated-after-row-5000.xlsx", () => Bytes(LongSheet(6000, cutAfter: 5000), truncate: true), ReturnOutcome.Unreadable, "damaged");

        // Part-way down: the header and 5,000 rows are fine, then a row breaks a limit the workbook layer checks as it reads.
        yield return ReturnCase.Rejected("cell-100kB-after-row-5000.xlsx", () => Bytes(LongSheet(5000).Append(Row(5001, Text("A", "HOU-02"), Text("D", Repeat('x', 100_000))))), ReturnOutcome.Unreadable, "cell D5001 of sheet 'Return'", midStream: true);
        yield return ReturnCase.Rejected("stray-cell-beyond-column-XFD-after-row-5000.xlsx", () => Bytes(LongSheet(5000).Append(Row(5001, Number("XFE", 1)))), ReturnOutcome.Unreadable, "beyond the 16,384 columns Excel itself allows");
        yield return ReturnCase.Rejected("row-1048577.xlsx", () => Bytes([HeaderRow(), Row(2, Text("A", "HOU-01"), Text("B", "2025/26 Q1"), Number("C", 1)), Row(1_048_577, Text("A", "HOU-02"))]), ReturnOutcome.Unreadable, "beyond row 1,048,576", midStream: true);
    }

    private static byte[] Good() => Xlsx(Header, ["HOU-01", "2025/26 Q1", 12.0, null]);

    private static byte[] Awkward(string relative) => File.ReadAllBytes(Path.Combine(TestFiles.Awkward, relative));

    private static byte[] RandomBytes()
    {
        var bytes = new byte[20_000];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0x42; // not by chance a zip, OLE or BIFF signature
        return bytes;
    }

    private static byte[] UnclosedQuote()
    {
        var text = new StringBuilder("Indicator,Period,Value,Commentary\r\nHOU-01,2025/26 Q1,12,\"never closed\r\n");
        for (var i = 0; i < 3000; i++)
        {
            text.Append("HOU-02,2025/26 Q1,13,fine\r\n");
        }

        return Csv(text.ToString());
    }

    /// <summary>An honest zip bomb: 120 MB of shared strings (over the 100 MB limit) that compress to a few hundred kB.</summary>
    private static byte[] ZipBomb()
    {
        var bytes = Good();
        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("xl/sharedStrings.xml")?.Delete();
            using var part = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Optimal).Open();
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 120; i++)
            {
                part.Write(spaces);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A zip whose central directory claims a 3 GB worksheet, as a crafted bomb's would.</summary>
    private static byte[] DeclaredBomb()
    {
        var bytes = Good();
        ZipPatch.DeclareUncompressedSize(bytes, "xl/worksheets/sheet1.xml", 3L * 1024 * 1024 * 1024);
        return bytes;
    }

    /// <summary>A header and <paramref name="rows"/> data rows; with <paramref name="cutAfter"/>, the XML stops mid-row after that row.</summary>
    internal static IEnumerable<string> LongSheet(int rows, int? cutAfter = null)
    {
        yield return HeaderRow();
        for (var r = 2; r <= rows; r++)
        {
            if (r == cutAfter + 1)
            {
                yield return Invariant($"<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>HOU-");
                yield break;
            }

            yield return Row(r, Text("A", Invariant($"IND-{r % 500:000}")), Text("B", "2025/26 Q1"), Number("C", r + 0.5), Text("D", Invariant($"row {r}")));
        }
    }
}
