using ClosedXML.Excel;
using Pmf.Pipeline.Finance;

namespace Pmf.Pipeline.Templates;

/// <summary>
/// The template's Finance sheet: one row per council the service reports for, council, service and quarter
/// filled in and locked, the budget pre-filled when an earlier quarter of the year gave it; the service types
/// the forecast outturn, the variance (or leaves it to be worked out) and commentary.
/// </summary>
internal static class FinanceSheetWriter
{
    private static readonly string[] Headings =
    [
        FinanceColumns.Council, FinanceColumns.Service, FinanceColumns.Period, FinanceColumns.Budget,
        FinanceColumns.ForecastOutturn, FinanceColumns.Variance, FinanceColumns.Commentary,
    ];

    public static void Add(XLWorkbook workbook, ReturnTemplate template)
    {
        if (template.Finance.Count == 0)
        {
            return;
        }

        var sheet = workbook.AddWorksheet(FinanceColumns.SheetName);
        sheet.Cell(1, 1).SetValue($"Finance: {template.Service.Name} ({template.Service.Code}), {template.Period.Key}");
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(2, 1).SetValue($"Budget and forecast outturn for the year, in pounds. Variance is forecast outturn less budget (leave it blank to have it worked out). Commentary is needed when the forecast is more than {FinanceCheck.CommentaryTolerance:P0} over or under budget.");
        const int header = 4;
        for (var c = 0; c < Headings.Length; c++)
        {
            sheet.Cell(header, c + 1).SetValue(Headings[c]);
            sheet.Cell(header, c + 1).Style.Font.Bold = true;
        }

        var row = header + 1;
        foreach (var line in template.Finance)
        {
            Text(sheet.Cell(row, 1), line.CouncilCode);
            Text(sheet.Cell(row, 2), template.Service.Code);
            Text(sheet.Cell(row, 3), template.Period.Key);
            if (line.Budget is { } budget)
            {
                sheet.Cell(row, 4).Value = budget;
            }

            sheet.Range(row, 4, row, Headings.Length).Style.Protection.SetLocked(false);
            sheet.Range(row, 4, row, 6).Style.NumberFormat.Format = "#,##0";
            row++;
        }

        sheet.Columns(1, Headings.Length).Width = 18;
        sheet.Column(Headings.Length).Width = 60;
        sheet.Protect().AllowElement(XLSheetProtectionElements.FormatColumns).AllowElement(XLSheetProtectionElements.FormatRows);
    }

    private static void Text(IXLCell cell, string text)
    {
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
    }
}
