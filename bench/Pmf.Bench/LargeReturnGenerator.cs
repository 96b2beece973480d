using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pmf.Bench;

/// <summary>
/// Writes a return of N rows without holding it in memory (OpenXmlWriter streams the sheet), so
/// a million-row input costs the generator next to nothing. Rows come from the given
/// indicators and their periods, so every (indicator, period) pair is distinct.
/// </summary>
internal static class LargeReturnGenerator
{
    public static void WriteXlsx(string path, IEnumerable<(string Indicator, string Period, decimal Value)> rows, int count)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            // Excel always writes the used range; without it ExcelDataReader scans the whole sheet on open.
            writer.WriteElement(new SheetDimension { Reference = $"A1:D{count + 1}" });
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, 1, ["Indicator", "Period", "Value", "Commentary"]);
            var rowIndex = 1;
            foreach (var (indicator, period, value) in rows)
            {
                WriteRow(writer, ++rowIndex, [indicator, period, value, "Figures checked by the service."]);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        using (var writer = OpenXmlWriter.Create(workbookPart))
        {
            writer.WriteStartElement(new Workbook());
            writer.WriteStartElement(new Sheets());
            writer.WriteElement(new Sheet { Name = "Return", SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) });
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }

    public static void WriteCsv(string path, IEnumerable<(string Indicator, string Period, decimal Value)> rows)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("Indicator,Period,Value,Commentary");
        foreach (var (indicator, period, value) in rows)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{indicator},{period},{value},Figures checked by the service."));
        }
    }

    private static void WriteRow(OpenXmlWriter writer, int rowIndex, object[] cells)
    {
        writer.WriteStartElement(new Row { RowIndex = (uint)rowIndex });
        foreach (var value in cells)
        {
            if (value is decimal number)
            {
                writer.WriteElement(new Cell { CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number });
            }
            else
            {
                writer.WriteElement(new Cell { InlineString = new InlineString(new Text((string)value)), DataType = CellValues.InlineString });
            }
        }

        writer.WriteEndElement();
    }
}
