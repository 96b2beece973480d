using ClosedXML.Excel;
using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Catalogue;

/// <summary>
/// The drop-down lists of a written catalogue workbook: each closed column (polarity, frequency, unit,
/// yes/no, accumulates, committee kind, nation) offers its choices, and each column naming a code from
/// another sheet (council, service, priority, indicator, committee, action) offers that sheet's codes.
/// </summary>
/// <remarks>
/// The lists reach <see cref="RowsOffered"/> rows down, so rows a performance officer adds get them too.
/// Typing something else only warns: the reader accepts synonyms (e.g. <c>Cumulative</c>) the lists do not show.
/// </remarks>
internal static class CatalogueDropDowns
{
    /// <summary>The last row a drop-down reaches.</summary>
    public const int RowsOffered = 1000;

    private static readonly (string Sheet, string Column, string Choices)[] Closed =
    [
        ("Councils", "Nation", "England,Wales,Scotland,Northern Ireland"),
        ("Indicators", IndicatorsSheet.Type, "Quantitative,Qualitative"),
        ("Indicators", IndicatorsSheet.Unit, "%,count,£,days,ratio,score"),
        ("Indicators", IndicatorsSheet.Polarity, "Higher is better,Lower is better,None"),
        ("Indicators", IndicatorsSheet.Frequency, "Monthly,Quarterly,Annual"),
        ("Indicators", IndicatorsSheet.PercentBeyondRange, "Yes,No"),
        ("Indicators", IndicatorsSheet.Accumulates, "Per period,Year to date,Snapshot"),
        ("Committees", CommitteesSheet.Kind, "Executive,Scrutiny,Advisory,Audit"),
    ];

    private static readonly (string Sheet, string Column, string CodesSheet)[] Codes =
    [
        ("Priorities", CouncilColumn.Name, "Councils"),
        ("Indicators", CouncilColumn.Name, "Councils"),
        ("Indicators", IndicatorsSheet.Service, "Services"),
        ("Targets", TargetsSheet.IndicatorColumn, "Indicators"),
        ("Actions", CouncilColumn.Name, "Councils"),
        ("Actions", ActionsSheet.Service, "Services"),
        ("Milestones", "Action", "Actions"),
        ("Committees", CouncilColumn.Name, "Councils"),
        ("Committee items", CommitteeItemsSheet.Committee, "Committees"),
        ("Committee items", CommitteeItemsSheet.Indicator, "Indicators"),
        ("Committee items", CommitteeItemsSheet.Action, "Actions"),
    ];

    /// <summary>Adds the lists to every sheet of <paramref name="workbook"/> that has the column (header in row 1).</summary>
    public static void Add(XLWorkbook workbook)
    {
        foreach (var (sheet, column, choices) in Closed)
        {
            Offer(workbook, sheet, column, $"\"{choices}\"", $"Choose one of: {choices.Replace(",", ", ", StringComparison.Ordinal)}.");
        }

        foreach (var (sheet, column, codesSheet) in Codes)
        {
            if (workbook.Worksheets.TryGetWorksheet(codesSheet, out _))
            {
                Offer(workbook, sheet, column, $"'{codesSheet}'!$A$2:$A${RowsOffered}", $"Choose a code from the {codesSheet} sheet.");
            }
        }
    }

    private static void Offer(XLWorkbook workbook, string sheetName, string column, string list, string hint)
    {
        if (!workbook.Worksheets.TryGetWorksheet(sheetName, out var sheet) || HeaderColumn(sheet, column) is not { } number)
        {
            return;
        }

        var validation = sheet.Range(2, number, RowsOffered, number).SetDataValidation();
        validation.List(list, true);
        validation.IgnoreBlanks = true;
        validation.ShowErrorMessage = true;
        validation.ErrorStyle = XLErrorStyle.Warning;
        validation.ErrorTitle = column;
        validation.ErrorMessage = $"{hint} Other spellings the pipeline understands are accepted too.";
    }

    private static int? HeaderColumn(IXLWorksheet sheet, string column)
    {
        foreach (var cell in sheet.Row(1).CellsUsed())
        {
            if (ColumnName.Normalise(cell.GetString()) == ColumnName.Normalise(column))
            {
                return cell.Address.ColumnNumber;
            }
        }

        return null;
    }
}
