using System.Globalization;
using NPOI.HSSF.UserModel;

namespace Pmf.Pipeline.Tests.Workbooks;

/// <summary>
/// Writes a genuine Excel 97–2003 (.xls, BIFF8) workbook with NPOI, so .xls behaviour is tested on
/// real files: text, numbers, percent-formatted numbers, dates and booleans.
/// </summary>
internal static class XlsWriter
{
    public static byte[] Write(IEnumerable<(string Name, IReadOnlyList<object?[]> Rows)> sheets)
    {
        var workbook = new HSSFWorkbook();
        var percent = workbook.CreateCellStyle();
        percent.DataFormat = HSSFDataFormat.GetBuiltinFormat("0%");
        var date = workbook.CreateCellStyle();
        date.DataFormat = HSSFDataFormat.GetBuiltinFormat("m/d/yy");
        foreach (var (name, rows) in sheets)
        {
            var sheet = workbook.CreateSheet(name);
            for (var r = 0; r < rows.Count; r++)
            {
                var row = sheet.CreateRow(r);
                for (var c = 0; c < rows[r].Length; c++)
                {
                    switch (rows[r][c])
                    {
                        case null:
                            break;
                        case PercentValue p:
                            var pc = row.CreateCell(c);
                            pc.SetCellValue(p.Value);
                            pc.CellStyle = percent;
                            break;
                        case DateTime d:
                            var dc = row.CreateCell(c);
                            dc.SetCellValue(d);
                            dc.CellStyle = date;
                            break;
                        case bool b:
                            row.CreateCell(c).SetCellValue(b);
                            break;
                        case string s:
                            row.CreateCell(c).SetCellValue(s);
                            break;
                        case var number:
                            row.CreateCell(c).SetCellValue(Convert.ToDouble(number, CultureInfo.InvariantCulture));
                            break;
                    }
                }
            }
        }

        using var stream = new MemoryStream();
        workbook.Write(stream);
        return stream.ToArray();
    }

    /// <summary>A number shown as a percentage (0.85 shown as 85%).</summary>
    public sealed record PercentValue(double Value);
}
