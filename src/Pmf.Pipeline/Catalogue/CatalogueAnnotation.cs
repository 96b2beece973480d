using System.Globalization;
using ClosedXML.Excel;
using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Catalogue;

/// <summary>
/// Writes a catalogue's problems back into a copy of the workbook a performance officer can fix in
/// Excel: each problem cell filled (red for an error, amber for a warning) with a comment holding the
/// sentence, and a first sheet "Problems" listing every problem with a link to its cell.
/// </summary>
public static class CatalogueAnnotation
{
    /// <summary>The sheet listing the problems.</summary>
    public const string ProblemsSheet = "Problems";

    private const string Author = "PMF Pipeline";
    private static readonly XLColor ErrorFill = XLColor.FromHtml("#FFC7CE");
    private static readonly XLColor WarningFill = XLColor.FromHtml("#FFEB9C");

    /// <summary>Where the annotated copy of <paramref name="workbookPath"/> goes: <c>NAME.checked.xlsx</c> beside it.</summary>
    public static string PathFor(string workbookPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(workbookPath);
        var folder = Path.GetDirectoryName(Path.GetFullPath(workbookPath)) ?? ".";
        return Path.Combine(folder, Path.GetFileNameWithoutExtension(workbookPath) + ".checked.xlsx");
    }

    /// <summary>
    /// Writes the annotated copy of the workbook at <paramref name="workbookPath"/> to <see cref="PathFor"/>
    /// and returns its path. An .xlsx is copied with its cells marked; an .xls (which cannot be copied
    /// faithfully) gets a workbook holding the Problems sheet only. With no problems, a copy left by an
    /// earlier check is deleted (it would describe a workbook that no longer exists) and null is returned.
    /// </summary>
    public static string? Write(string workbookPath, IReadOnlyList<CatalogueProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var target = PathFor(workbookPath);
        if (problems.Count == 0)
        {
            File.Delete(target);
            return null;
        }

        using var workbook = IsPackage(workbookPath) ? new XLWorkbook(workbookPath) : new XLWorkbook();
        foreach (var problem in problems)
        {
            Mark(workbook, problem);
        }

        AddProblemsSheet(workbook, problems);
        workbook.SaveAs(target);
        return target;
    }

    private static bool IsPackage(string path)
    {
        using var stream = File.OpenRead(path);
        return FileSignatures.Of(stream) == FileSignature.Zip;
    }

    private static void Mark(XLWorkbook workbook, CatalogueProblem problem)
    {
        if (problem.Sheet is null || problem.Row is not { } row || !workbook.Worksheets.TryGetWorksheet(problem.Sheet, out var sheet))
        {
            return;
        }

        var column = problem.ColumnNumber ?? (problem.Column is null ? null : HeaderColumn(sheet, problem.Column));
        var cell = sheet.Cell(row, column ?? 1);
        cell.Style.Fill.BackgroundColor = problem.Severity == ProblemSeverity.Error ? ErrorFill : WarningFill;
        var hadComment = cell.HasComment;
        var comment = cell.Comment;
        if (hadComment)
        {
            comment.AddNewLine();
        }

        comment.SetAuthor(Author);
        comment.AddText(problem.Message);
        comment.Style.Size.SetWidth(60).Size.SetHeight(12);
    }

    private static int? HeaderColumn(IXLWorksheet sheet, string column)
    {
        var wanted = ColumnName.Normalise(column);
        return sheet.Rows(1, HeaderMatcher.DefaultSearchRows)
            .SelectMany(r => r.CellsUsed())
            .FirstOrDefault(c => ColumnName.Normalise(c.GetString()) == wanted)?.Address.ColumnNumber;
    }

    private static void AddProblemsSheet(XLWorkbook workbook, IReadOnlyList<CatalogueProblem> problems)
    {
        if (workbook.Worksheets.TryGetWorksheet(ProblemsSheet, out var old))
        {
            old.Delete();
        }

        var sheet = workbook.Worksheets.Add(ProblemsSheet, 1);
        string[] header = ["Severity", "Sheet", "Row", "Column", "Value", "Problem"];
        for (var c = 0; c < header.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(header[c]);
        }

        sheet.Row(1).Style.Font.Bold = true;
        var r = 2;
        foreach (var p in problems)
        {
            Text(sheet.Cell(r, 1), p.Severity == ProblemSeverity.Error ? "Error" : "Warning");
            Text(sheet.Cell(r, 2), p.Sheet);
            Text(sheet.Cell(r, 3), p.Row?.ToString(CultureInfo.InvariantCulture));
            Text(sheet.Cell(r, 4), p.Column);
            Text(sheet.Cell(r, 5), p.Value);
            Text(sheet.Cell(r, 6), p.Message);
            sheet.Cell(r, 1).Style.Fill.BackgroundColor = p.Severity == ProblemSeverity.Error ? ErrorFill : WarningFill;
            if (p.Sheet is not null && p.Row is not null && workbook.Worksheets.TryGetWorksheet(p.Sheet, out var target))
            {
                var column = p.ColumnNumber ?? (p.Column is null ? null : HeaderColumn(target, p.Column)) ?? 1;
                sheet.Cell(r, 3).Hyperlink = new XLHyperlink($"'{target.Name}'!{target.Cell(p.Row.Value, column).Address}");
            }

            r++;
        }

        sheet.SheetView.FreezeRows(1);
        sheet.Column(6).Width = 100;
        sheet.Column(6).Style.Alignment.WrapText = true;
        for (var c = 1; c <= 5; c++)
        {
            sheet.Column(c).Width = c == 5 ? 24 : 14;
        }

        sheet.SetTabActive();
        foreach (var other in workbook.Worksheets.Where(s => s != sheet))
        {
            other.TabActive = false;
        }
    }

    private static void Text(IXLCell cell, string? text)
    {
        if (text is not null)
        {
            cell.SetValue(text);
            cell.DataType = XLDataType.Text;
        }
    }
}
