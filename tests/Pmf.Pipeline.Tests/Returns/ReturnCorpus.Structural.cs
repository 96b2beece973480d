using ClosedXML.Excel;
using static Pmf.Pipeline.Tests.Returns.ReturnFiles;

namespace Pmf.Pipeline.Tests.Returns;

/// <summary>Files that open but are not a return the pipeline can read: a structural problem, located.</summary>
internal static partial class ReturnCorpus
{
    private static IEnumerable<ReturnCase> Structural()
    {
        yield return ReturnCase.Rejected("header-only.xlsx", () => Xlsx(["Housing KPI return"], null, Header), ReturnOutcome.NoDataRows, "has a header in row 3 of sheet 'Return' but no data rows");
        yield return ReturnCase.Rejected("header-only.csv", () => Csv(Lines("Indicator,Period,Value", ",,", ",,")), ReturnOutcome.NoDataRows, "has a header in row 1 but no data rows");
        yield return ReturnCase.Rejected("data-only-under-ignored-columns.xlsx", () => Xlsx(["Indicator", "Period", "Value", "Target"], [null, null, null, 90.0]), ReturnOutcome.NoDataRows, "nothing under 'Indicator', 'Period', 'Value'");
        yield return ReturnCase.Rejected("no-header.xlsx", () => Xlsx(["Housing"], ["HOU-01", "2025/26 Q1", 12.0], ["HOU-02", "2025/26 Q1", 13.0]), ReturnOutcome.NoHeader, "has no header row: no visible sheet has a row naming the return's columns in its first 20 rows");
        yield return ReturnCase.Rejected("no-header-nearest-row.xlsx", () => Xlsx(["Housing return"], ["Notes", "Please complete by 10 July"]), ReturnOutcome.NoHeader, "The nearest was row 2 of sheet 'Return', which names only Commentary ('Notes')");
        yield return ReturnCase.Rejected("wide-layout.xlsx", () => Xlsx(["KPI", "Apr", "May", "Jun"], ["HOU-01", 1.0, 2.0, 3.0]), ReturnOutcome.NoHeader, "which names only Indicator ('KPI')");
        yield return ReturnCase.Rejected("empty-workbook.xlsx", () => Workbook(wb => wb.AddWorksheet("Return")), ReturnOutcome.NoHeader, "Every visible sheet is empty");
        yield return ReturnCase.Rejected("blank-lines.csv", () => Csv(Lines(",,,", "", " , ,")), ReturnOutcome.NoHeader, "The file holds no data at all");
        yield return ReturnCase.Rejected("header-in-row-23.xlsx", () => Workbook(wb => Fill(wb.AddWorksheet("Return"), [Header, ["HOU-01", "2025/26 Q1", 1.0]], firstRow: 23).Cell(1, 1).Value = "Title"), ReturnOutcome.NoHeader, "has its header in row 23 of sheet 'Return', but the header must be within the first 20 rows");
        yield return ReturnCase.Rejected("key-table-above-a-header-in-row-25.xlsx", () => Workbook(wb => Fill(wb.AddWorksheet("Return"), [["Key"], ["Period", "Value"], ["the quarter", "the result"], .. Enumerable.Repeat<object?[]?>(null, 21), Header, ["HOU-01", "2025/26 Q1", 1.0]])), ReturnOutcome.NoHeader, "has its header in row 25 of sheet 'Return'");
        yield return ReturnCase.Rejected("data-on-hidden-sheet-only.xlsx", HiddenDataOnly, ReturnOutcome.NoHeader, "has a header row only on the hidden sheet 'Data' (row 1)");
        yield return ReturnCase.Rejected("no-indicator-column.xlsx", () => Xlsx(["Period", "Outturn", "Commentary"], ["2025/26 Q1", 12.0, "ok"]), ReturnOutcome.MissingColumns, "Row 1 of sheet 'Return' in 'no-indicator-column.xlsx' looks like the header (it names Period, Value ('Outturn'), Commentary) but has no Indicator column");
        yield return ReturnCase.Rejected("no-indicator-column.csv", () => Csv(Lines("Quarter,Value", "2025/26 Q1,12")), ReturnOutcome.MissingColumns, "Row 1 of 'no-indicator-column.csv' looks like the header");
        yield return ReturnCase.Rejected("no-value-or-status.xlsx", () => Xlsx(["Indicator", "Period", "Commentary"], ["HOU-01", "2025/26 Q1", "late"]), ReturnOutcome.MissingColumns, "has no Value or Status column");
        yield return ReturnCase.Rejected("no-period.xlsx", () => Xlsx(["Indicator", "Value"], ["HOU-01", 12.0]), ReturnOutcome.MissingColumns, "has no Period column (nor a line above it stating the period");
        yield return ReturnCase.Rejected("no-period-no-value.csv", () => Csv(Lines("Indicator,Commentary", "HOU-01,late")), ReturnOutcome.MissingColumns, "no Period column (nor a line above it stating the period, such as 'Period: 2025/26 Q1') and no Value or Status column");
        yield return ReturnCase.Rejected("duplicate-value-columns.xlsx", () => Xlsx(["Indicator", "Period", "Value", "Commentary", "value"], ["HOU-01", "2025/26 Q1", null, "late", 12.0]), ReturnOutcome.DuplicateColumns, "repeats a column heading ('Value' in columns C and E)");
        yield return ReturnCase.Rejected("duplicate-synonym-columns.csv", () => Csv(Lines("PI code,Quarter,Actual,Actual", "HOU-01,2025/26 Q1,1,2")), ReturnOutcome.DuplicateColumns, "('Actual' in columns C and D)");
        yield return ReturnCase.Rejected("conflicting-period-lines.xlsx", () => Xlsx(["Period: 2025/26 Q1"], ["Period: 2025/26 Q2"], ["Indicator", "Value"], ["HOU-01", 1.0]), ReturnOutcome.ConflictingStatedPeriods, "states different periods above the header ('2025/26 Q1' in row 1 of sheet 'Return', '2025/26 Q2' in row 2 of sheet 'Return')");
        yield return ReturnCase.Rejected("broken-return-sheet-and-old-data.xlsx", BrokenReturnSheet, ReturnOutcome.MissingColumns, "Row 2 of sheet 'Return'");
    }

    private static byte[] HiddenDataOnly() => Workbook(wb =>
    {
        wb.AddWorksheet("Cover").Cell(1, 1).Value = "Housing return: see the data sheet";
        Fill(wb.AddWorksheet("Data"), [Header, ["HOU-01", "2025/26 Q1", 12.0]]).Visibility = XLWorksheetVisibility.Hidden;
    });

    /// <summary>The Return sheet has a header-like row without Indicator; last quarter's data on another sheet must not be read instead.</summary>
    private static byte[] BrokenReturnSheet() => Workbook(wb =>
    {
        Fill(wb.AddWorksheet("Last quarter"), [Header, ["HOU-01", "2024/25 Q4", 11.0]]);
        Fill(wb.AddWorksheet("Return"), [["Housing"], ["Period", "Value"], ["2025/26 Q1", 12.0]]);
    });
}
