using System.Globalization;
using ClosedXML.Excel;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Templates;

/// <summary>
/// A template's Actions sheet: one row per delivery-plan action the service owes an update on, its code, name
/// and milestones filled in and locked, and the update's cells (Status from a drop-down, percent complete,
/// commentary, dates) left white for the service. The reader (<see cref="ActionSheetReader"/>) reads it back.
/// </summary>
internal static class TemplateActionsSheet
{
    /// <summary>The sheet's name.</summary>
    public const string SheetName = "Actions";

    /// <summary>The action's name, for the reader (ignored).</summary>
    public const string Name = "Action name";

    /// <summary>The milestones and their due dates, for the reader (ignored).</summary>
    public const string Milestones = "Milestones due";

    /// <summary>The header, in order.</summary>
    public static IReadOnlyList<string> Header { get; } =
    [
        ActionColumns.Action, Name, Milestones, ActionColumns.Status, "% complete", ActionColumns.Commentary,
        ActionColumns.RevisedDate, ActionColumns.RevisionReason, ActionColumns.CompletionDate,
    ];

    private static readonly XLColor LockedFill = XLColor.FromHtml("#F2F2F2");
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DDEBF7");

    public static void Add(XLWorkbook workbook, ReturnTemplate template)
    {
        var sheet = workbook.AddWorksheet(SheetName);
        string[] lines =
        [
            $"Delivery plan actions: {template.Service.Name} ({template.Service.Code})",
            $"Period: {template.Period.Key}",
            $"For each action give its Status ({string.Join(", ", QualitativeStatus.All)}) and how far through it is (0 to 100).",
            "At risk or Off track: say why in Commentary. A date that has moved: give the Revised date and the Reason for revised date. Complete: give the Completion date.",
            .. template.ActionsOnly
                ? (string[])[
                    $"{template.Service.Name} owes no indicator figures for {template.Period.Key}, only these action updates, so this workbook has no Return sheet.",
                    $"Please return it by {TemplateWorkbook.Day(template.DueBy)}: {TemplateWorkbook.Folder(template)}",
                ]
                : [],
        ];
        for (var i = 0; i < lines.Length; i++)
        {
            Text(sheet.Cell(i + 1, 1), lines[i]);
        }

        sheet.Cell(1, 1).Style.Font.Bold = true;
        var headerRow = lines.Length + 2;
        for (var c = 0; c < Header.Count; c++)
        {
            Text(sheet.Cell(headerRow, c + 1), Header[c]);
        }

        var header = sheet.Range(headerRow, 1, headerRow, Header.Count);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = HeaderFill;
        header.Style.Alignment.WrapText = true;
        var row = headerRow;
        foreach (var action in template.Actions)
        {
            row++;
            Text(sheet.Cell(row, 1), action.Code);
            Text(sheet.Cell(row, 2), action.Name);
            Text(sheet.Cell(row, 3), string.Join("; ", action.Milestones.Select(m => $"{m.Name} ({Day(m.Due)})")));
            sheet.Range(row, 1, row, 3).Style.Fill.BackgroundColor = LockedFill;
            sheet.Range(row, 1, row, 3).Style.Alignment.WrapText = true;
            var update = sheet.Range(row, 4, row, Header.Count);
            update.Style.Protection.SetLocked(false);
            update.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
            update.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
            var status = sheet.Cell(row, 4).AsRange().SetDataValidation();
            status.List($"\"{string.Join(",", QualitativeStatus.All)}\"", true);
            TemplateWorkbook.Explain(status, "Status", "one of " + string.Join(", ", QualitativeStatus.All), "");
            var percent = sheet.Cell(row, 5).AsRange().SetDataValidation();
            percent.Decimal.Between(0, 100);
            TemplateWorkbook.Explain(percent, "% complete", "a number from 0 to 100", "");
            foreach (var column in new[] { 7, 9 })
            {
                var date = sheet.Cell(row, column).AsRange().SetDataValidation();
                date.Date.Between(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
                TemplateWorkbook.Explain(date, Header[column - 1], "a date, e.g. 31/03/2027", "");
                sheet.Cell(row, column).Style.DateFormat.Format = "dd/mm/yyyy";
            }

            sheet.Range(row, 6, row, 8).Style.Alignment.WrapText = true;
        }

        double[] widths = [12, 40, 40, 13, 11, 50, 13, 40, 13];
        for (var c = 0; c < widths.Length; c++)
        {
            sheet.Column(c + 1).Width = widths[c];
        }

        sheet.SheetView.FreezeRows(headerRow);
        TemplateWorkbook.PrintLayout(sheet, headerRow);
        sheet.Protect().AllowElement(XLSheetProtectionElements.FormatColumns).AllowElement(XLSheetProtectionElements.FormatRows);
    }

    private static void Text(IXLCell cell, string text)
    {
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
    }

    private static string Day(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
