using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using NPOI.HSSF.UserModel;

namespace Pmf.Pipeline.Samples;

/// <summary>Writes sample returns in the layout of FORMATS.md: title block, optional stated period, header, rows.</summary>
public static class SampleReturnWriter
{
    private static readonly string[] Header = ["Indicator", "Period", "Value", "Numerator", "Denominator", "Status", "Commentary", "Remedial action"];

    /// <summary>The file's bytes.</summary>
    public static byte[] ToBytes(SampleReturnFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var rows = Rows(file).ToList();
        return file.Format switch
        {
            SampleFormat.Csv => Csv(rows),
            SampleFormat.Xls => Xls(rows),
            _ => Xlsx(rows),
        };
    }

    private static IEnumerable<object?[]> Rows(SampleReturnFile file)
    {
        foreach (var line in file.TitleBlock)
        {
            yield return [line];
        }

        if (file.StatedPeriod is not null)
        {
            yield return [$"Period: {file.StatedPeriod}"];
        }

        if (file.TitleBlock.Count > 0 || file.StatedPeriod is not null)
        {
            yield return [];
        }

        var header = file.StatedPeriod is null ? Header : [.. Header.Where(h => h != "Period")];
        yield return header;
        foreach (var l in file.Lines)
        {
            yield return file.StatedPeriod is null
                ? [l.Indicator, l.Period, l.Value, l.Numerator, l.Denominator, l.Status, l.Commentary, l.RemedialAction]
                : [l.Indicator, l.Value, l.Numerator, l.Denominator, l.Status, l.Commentary, l.RemedialAction];
        }
    }

    private static byte[] Xlsx(List<object?[]> rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Return");
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = sheet.Cell(r + 1, c + 1);
                switch (rows[r][c])
                {
                    case null:
                        break;
                    case decimal number:
                        cell.Value = number;
                        break;
                    case string text:
                        cell.SetValue(text);
                        cell.DataType = XLDataType.Text;
                        break;
                    case var other:
                        cell.SetValue(Convert.ToString(other, CultureInfo.InvariantCulture));
                        break;
                }
            }
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static byte[] Xls(List<object?[]> rows)
    {
        var workbook = new HSSFWorkbook();
        var sheet = workbook.CreateSheet("Return");
        for (var r = 0; r < rows.Count; r++)
        {
            var row = sheet.CreateRow(r);
            for (var c = 0; c < rows[r].Length; c++)
            {
                switch (rows[r][c])
                {
                    case null:
                        break;
                    case decimal number:
                        row.CreateCell(c).SetCellValue((double)number);
                        break;
                    case var other:
                        row.CreateCell(c).SetCellValue(Convert.ToString(other, CultureInfo.InvariantCulture));
                        break;
                }
            }
        }

        using var stream = new MemoryStream();
        workbook.Write(stream);
        return stream.ToArray();
    }

    private static byte[] Csv(List<object?[]> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Quote)).Append("\r\n");
        }

        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
    }

    private static string Quote(object? value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
