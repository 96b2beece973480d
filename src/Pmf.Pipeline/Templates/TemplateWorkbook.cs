using System.Globalization;
using ClosedXML.Excel;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Templates;

/// <summary>
/// Writes a <see cref="ReturnTemplate"/> as the return workbook of FORMATS.md, filled in as far as the
/// pipeline can: a sheet named <c>Return</c> with a short instructions block, the header, and one row per
/// indicator and period with its code, name, period (canonical key), unit, polarity, target and last
/// period's value. The sender types into the white cells only: Value, Numerator and Denominator (numbers;
/// a percentage 0–100) or Status (a list), Commentary and Remedial action. Every other cell is locked and
/// the sheet protected without a password, so a slip cannot overwrite a code, while anyone who must can
/// still unprotect it. Read back by <see cref="ReturnReader"/>, the informational columns are ignored.
/// </summary>
public static class TemplateWorkbook
{
    /// <summary>The sheet the return reader looks for first.</summary>
    public const string SheetName = "Return";

    /// <summary>Columns shown to help the sender; the reader ignores them (none is a return column or synonym).</summary>
    public static IReadOnlyList<string> InformationColumns { get; } = [Name, DueBy, Unit, Polarity, Target, LastPeriod, LastValue];

    /// <summary>The header, in order.</summary>
    public static IReadOnlyList<string> Header => Headings;

    private const string Name = "Name";
    private const string DueBy = "Due by";
    private const string Unit = "Unit";
    private const string Polarity = "Polarity";
    private const string Target = "Target";
    private const string LastPeriod = "Last period";
    private const string LastValue = "Last value";

    private static readonly string[] Headings =
    [
        ReturnColumns.Indicator, Name, ReturnColumns.Period, DueBy, Unit, Polarity, Target, LastPeriod, LastValue,
        ReturnColumns.Value, ReturnColumns.Numerator, ReturnColumns.Denominator, ReturnColumns.Status,
        ReturnColumns.Commentary, ReturnColumns.RemedialAction, ReturnColumns.CaseStudy,
    ];

    private static readonly XLColor LockedFill = XLColor.FromHtml("#F2F2F2");
    private static readonly XLColor NotApplicableFill = XLColor.FromHtml("#BFBFBF");
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DDEBF7");

    /// <summary>The workbook's bytes.</summary>
    public static byte[] ToBytes(ReturnTemplate template)
    {
        using var stream = new MemoryStream();
        Write(template, stream);
        return stream.ToArray();
    }

    /// <summary>Writes the workbook to <paramref name="path"/>, replacing any file there.</summary>
    public static void Write(ReturnTemplate template, string path)
    {
        using var stream = File.Create(path);
        Write(template, stream);
    }

    /// <summary>Writes the workbook to <paramref name="stream"/>.</summary>
    public static void Write(ReturnTemplate template, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(stream);
        using var workbook = new XLWorkbook();
        // A service that owes only action updates gets only its Actions sheet: an empty Return sheet would ask for nothing.
        if (!template.ActionsOnly)
        {
            ReturnSheet(workbook, template);
            FinanceSheetWriter.Add(workbook, template);
        }

        if (template.Actions.Count > 0)
        {
            TemplateActionsSheet.Add(workbook, template);
        }

        workbook.SaveAs(stream);
    }

    private static void ReturnSheet(XLWorkbook workbook, ReturnTemplate template)
    {
        var sheet = workbook.AddWorksheet(SheetName);
        var headerRow = Instructions(sheet, template) + 2;
        for (var c = 0; c < Header.Count; c++)
        {
            Text(sheet.Cell(headerRow, c + 1), Header[c]);
        }

        var header = sheet.Range(headerRow, 1, headerRow, Header.Count);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = HeaderFill;
        header.Style.Alignment.WrapText = true;

        var row = headerRow + 1;
        foreach (var line in template.Lines)
        {
            Line(sheet, row++, line);
        }

        Widths(sheet);
        PrintLayout(sheet, headerRow);
        sheet.SheetView.FreezeRows(headerRow);
        sheet.Protect()
            .AllowElement(XLSheetProtectionElements.FormatColumns)
            .AllowElement(XLSheetProtectionElements.FormatRows);
    }

    /// <summary>Writes the title and instructions from row 1; returns the last row written.</summary>
    private static int Instructions(IXLWorksheet sheet, ReturnTemplate template)
    {
        var service = template.Service;
        var period = template.Period;
        string[] lines =
        [
            $"Performance return: {service.Name} ({service.Code}), {period.Key} ({Day(period.Start)} to {Day(period.End)})",
            DueLine(template),
            $"Type only in the white cells. Value: a number (a percentage as 0 to 100, e.g. 85). Qualitative indicators take a Status instead: {string.Join(", ", QualitativeStatus.All)}.",
            "Numerator and Denominator are optional; where you give them, Value must equal Numerator / Denominator x the indicator's multiplier.",
            "Commentary: needed when a result misses its target beyond tolerance, and for every status. Remedial action: needed when a result has missed it two periods running. Case study: a title, to put the row's Commentary in the annual review as a story for residents.",
            "No figure yet? Leave Value blank and say why in Commentary (a nil return). A row left with neither is reported back as missing.",
        ];
        for (var i = 0; i < lines.Length; i++)
        {
            Text(sheet.Cell(i + 1, 1), lines[i]);
        }

        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 13;
        return lines.Length;
    }

    /// <summary>Where a completed template goes, in the words of its instructions.</summary>
    internal static string Folder(ReturnTemplate template) =>
        $"save it as .xlsx, keep this sheet as it is, and drop it in your service's returns folder (returns/{template.Service.Code}/).";

    /// <summary>When to send the form: one date when every row shares it, else each row's own (months fall due before the quarter's rows).</summary>
    private static string DueLine(ReturnTemplate template)
    {
        var folder = Folder(template);
        var last = template.Lines.Select(l => l.DueBy).DefaultIfEmpty(template.DueBy).Max();
        return last == template.DueBy
            ? $"Please return it by {Day(template.DueBy)}: {folder}"
            : $"Each row is due by the date in its Due by column (its own period's end plus the working days allowed): the first by {Day(template.DueBy)}, the last by {Day(last)}. "
              + $"Send the file with the rows due so far, and again as the others fall due (the later file's figures replace the earlier ones): {folder}";
    }

    private static void Line(IXLWorksheet sheet, int row, TemplateLine line)
    {
        var indicator = line.Indicator;
        Text(sheet.Cell(row, Column(ReturnColumns.Indicator)), indicator.Code);
        Text(sheet.Cell(row, Column(Name)), indicator.Name);
        Text(sheet.Cell(row, Column(ReturnColumns.Period)), line.Period.Key);
        Text(sheet.Cell(row, Column(DueBy)), Day(line.DueBy));
        Text(sheet.Cell(row, Column(Unit)), line.IsQualitative ? null : CatalogueWorkbookWriter.UnitText(indicator.Unit));
        if (indicator.Polarity != Scoring.Polarity.None)
        {
            Text(sheet.Cell(row, Column(Polarity)), CatalogueWorkbookWriter.PolarityText(indicator.Polarity));
        }

        Number(sheet.Cell(row, Column(Target)), line.Target);
        Text(sheet.Cell(row, Column(LastPeriod)), line.LastPeriod.Key);
        if (line.IsQualitative)
        {
            Text(sheet.Cell(row, Column(LastValue)), line.LastStatus);
        }
        else
        {
            Number(sheet.Cell(row, Column(LastValue)), line.LastValue);
        }

        sheet.Range(row, 1, row, Column(LastValue)).Style.Fill.BackgroundColor = LockedFill;
        var value = sheet.Cell(row, Column(ReturnColumns.Value));
        var parts = sheet.Range(row, Column(ReturnColumns.Numerator), row, Column(ReturnColumns.Denominator));
        var status = sheet.Cell(row, Column(ReturnColumns.Status));
        if (line.IsQualitative)
        {
            sheet.Range(row, Column(ReturnColumns.Value), row, Column(ReturnColumns.Denominator)).Style.Fill.BackgroundColor = NotApplicableFill;
            Editable(status);
            StatusList(status);
        }
        else
        {
            status.Style.Fill.BackgroundColor = NotApplicableFill;
            Editable(value.AsRange());
            ValueRule(value, indicator);
            Editable(parts);
            NumberRule(parts, "Numerator and Denominator", "a number");
        }

        var words = sheet.Range(row, Column(ReturnColumns.Commentary), row, Column(ReturnColumns.CaseStudy));
        Editable(words);
        words.Style.Alignment.WrapText = true;
    }

    /// <summary>The 1-based column of a heading in <see cref="Header"/>: the layout is the header's order, nothing else.</summary>
    private static int Column(string heading) => Array.IndexOf(Headings, heading) + 1;

    private static void Editable(IXLCell cell) => Editable(cell.AsRange());

    private static void Editable(IXLRange range)
    {
        range.Style.Protection.SetLocked(false);
        range.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        range.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        range.Style.Border.OutsideBorderColor = XLColor.FromHtml("#A6A6A6");
        range.Style.Border.InsideBorderColor = XLColor.FromHtml("#A6A6A6");
    }

    /// <summary>Numbers only in a Value cell; a percentage 0–100, a count whole and not negative, days not negative.</summary>
    private static void ValueRule(IXLCell cell, Indicator indicator)
    {
        var rule = cell.AsRange().SetDataValidation();
        switch (indicator.Unit)
        {
            case Catalogue.Unit.Percent:
                rule.Decimal.Between(0, 100);
                Explain(rule, "Value", "a percentage from 0 to 100, e.g. 85 for 85%");
                break;
            case Catalogue.Unit.Count:
                rule.WholeNumber.EqualOrGreaterThan(0);
                Explain(rule, "Value", "a whole number, 0 or more");
                break;
            case Catalogue.Unit.Days:
                rule.Decimal.EqualOrGreaterThan(0);
                Explain(rule, "Value", "a number of days, 0 or more");
                break;
            default:
                AnyNumber(rule);
                Explain(rule, "Value", "a number");
                break;
        }
    }

    private static void NumberRule(IXLRange range, string what, string expected)
    {
        var rule = range.SetDataValidation();
        AnyNumber(rule);
        Explain(rule, what, expected);
    }

    private static void AnyNumber(IXLDataValidation rule) => rule.Decimal.Between(-1e12, 1e12);

    private static void StatusList(IXLCell cell)
    {
        var rule = cell.AsRange().SetDataValidation();
        // An explicit list is a quoted string in the file; unquoted, Excel would read it as a formula.
        rule.List($"\"{string.Join(",", QualitativeStatus.All)}\"", true);
        Explain(rule, "Status", "one of " + string.Join(", ", QualitativeStatus.All));
    }

    /// <summary>
    /// What Excel says when a cell refuses what was typed: "Type <paramref name="expected"/>.", then
    /// <paramref name="then"/> (by default, how to send a nil return). Every sheet of the template uses it.
    /// </summary>
    internal static void Explain(IXLDataValidation rule, string what, string expected, string then = " If there is none yet, leave it blank and say why in Commentary.")
    {
        rule.IgnoreBlanks = true;
        rule.ShowErrorMessage = true;
        rule.ErrorStyle = XLErrorStyle.Stop;
        // Excel refuses a file whose error title is over 32 characters, or whose message is over 255.
        rule.ErrorTitle = what;
        rule.ErrorMessage = $"Type {expected}.{then}";
    }

    /// <summary>
    /// Printed, each sheet of the template is A4 landscape (UK paper, and the return's columns need the width),
    /// one page wide however many rows, the header row repeated on each page and the page numbered.
    /// </summary>
    internal static void PrintLayout(IXLWorksheet sheet, int headerRow)
    {
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.SetRowsToRepeatAtTop(headerRow, headerRow);
        sheet.PageSetup.Margins.SetLeft(0.4).SetRight(0.4).SetTop(0.5).SetBottom(0.6);
        sheet.PageSetup.Footer.Center.AddText("Page ");
        sheet.PageSetup.Footer.Center.AddText(XLHFPredefinedText.PageNumber);
        sheet.PageSetup.Footer.Center.AddText(" of ");
        sheet.PageSetup.Footer.Center.AddText(XLHFPredefinedText.NumberOfPages);
    }

    private static void Widths(IXLWorksheet sheet)
    {
        // Fixed widths: measuring text needs GDI+ fonts, which servers and containers lack.
        double[] widths = [14, 40, 13, 17, 8, 16, 11, 13, 11, 12, 12, 12, 13, 50, 40, 24];
        for (var c = 0; c < widths.Length; c++)
        {
            sheet.Column(c + 1).Width = widths[c];
        }
    }

    private static void Text(IXLCell cell, string? text)
    {
        if (text is null)
        {
            return;
        }

        // Text is data: a leading '=' must never become a formula, nor 2025/26 a date.
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
    }

    private static void Number(IXLCell cell, decimal? value)
    {
        if (value is { } number)
        {
            cell.Value = number;
        }
    }

    internal static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
