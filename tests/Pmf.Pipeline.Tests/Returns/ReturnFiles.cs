using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Pmf.Pipeline.Tests.Workbooks;

namespace Pmf.Pipeline.Tests.Returns;

/// <summary>Builds return files in memory: workbooks with ClosedXML, CSV text in a chosen encoding.</summary>
internal static class ReturnFiles
{
    public static readonly object?[] Header = ["Indicator", "Period", "Value", "Commentary"];

    /// <summary>An .xlsx whose sheet 'Return' holds <paramref name="rows"/> from row 1 (null rows are left blank).</summary>
    public static byte[] Xlsx(params object?[]?[] rows) => Workbook(wb => Fill(wb.AddWorksheet("Return"), rows));

    public static byte[] Workbook(Action<XLWorkbook> fill) => Workbooks.Xlsx.Build(fill).ToArray();

    /// <summary>Writes <paramref name="rows"/> from <paramref name="firstRow"/> down; strings stay text, a <see cref="FormattedValue"/> keeps its format.</summary>
    public static IXLWorksheet Fill(IXLWorksheet sheet, object?[]?[] rows, int firstRow = 1)
    {
        for (var r = 0; r < rows.Length; r++)
        {
            var cells = rows[r] ?? [];
            for (var c = 0; c < cells.Length; c++)
            {
                var cell = sheet.Cell(firstRow + r, c + 1);
                switch (cells[c])
                {
                    case null:
                        break;
                    case string text:
                        cell.Text(text);
                        break;
                    case FormattedValue formatted:
                        cell.Value = formatted.Value;
                        cell.Style.NumberFormat.Format = formatted.Format;
                        break;
                    case var other:
                        cell.Value = other;
                        break;
                }
            }
        }

        return sheet;
    }

    /// <summary>UTF-8 CSV bytes, with a BOM as Excel's "CSV UTF-8" writes unless told otherwise.</summary>
    public static byte[] Csv(string text, bool bom = true) =>
        [.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text)];

    public static byte[] Csv(string text, Encoding encoding) => [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];

    public static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    public static string Repeat(char c, int count) => new(c, count);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A value written with a number format, e.g. 0.85 shown as 85%.</summary>
internal sealed record FormattedValue(object Value, string Format);
