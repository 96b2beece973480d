using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Returns;

/// <summary>The sentences a sender reads when their return is rejected as a whole; one place so they stay consistent.</summary>
internal static class ReturnProblems
{
    private const string Resend = "and send it again";

    public static ReturnProblem Unreadable(WorkbookException ex) =>
        new(ReturnProblemKind.Unreadable, ex.FileName, null, null, ex.Message, ex.Failure);

    public static ReturnProblem UnreadableRows(WorkbookException ex, ReturnLayout layout, int lastRow)
    {
        var below = layout.Format == WorkbookFormat.Csv ? $"row {lastRow}" : $"row {lastRow} of sheet '{layout.Sheet}'";
        return new(ReturnProblemKind.Unreadable, ex.FileName, layout.Sheet, lastRow, $"{ex.Message} (This was found below {below}, after the header; the whole file is rejected.)", ex.Failure);
    }

    public static ReturnProblem NoHeader(Workbook workbook, HeaderMatch? closest, WorkbookSheet? closestSheet, bool allEmpty)
    {
        var file = workbook.FileName;
        var start = workbook.Format == WorkbookFormat.Csv
            ? $"'{file}' has no header row: none of its first {HeaderMatcher.DefaultSearchRows} rows names the return's columns."
            : $"'{file}' has no header row: no visible sheet has a row naming the return's columns in its first {HeaderMatcher.DefaultSearchRows} rows.";
        var where = workbook.Format == WorkbookFormat.Csv ? "in one row above the data" : "in one row above the data, on a sheet named 'Return'";
        var hint = closest is not null && closestSheet is not null
            ? $" The nearest was {Place(workbook, closestSheet.Name, closest.Row.RowNumber)}, which names only {Describe(closest)}."
            : allEmpty ? (workbook.Format == WorkbookFormat.Csv ? " The file holds no data at all." : " Every visible sheet is empty.") : string.Empty;
        return new(ReturnProblemKind.NoHeader, file, closestSheet?.Name, closest?.Row.RowNumber, $"{start} Put the column names {where}: {ReturnColumns.Expected}.{hint}");
    }

    public static ReturnProblem HeaderTooLow(Workbook workbook, string sheet, int row) => new(
        ReturnProblemKind.NoHeader, workbook.FileName, sheet, row,
        $"'{workbook.FileName}' has its header in {Place(workbook, sheet, row)}, but the header must be within the first {HeaderMatcher.DefaultSearchRows} rows; delete some of the rows above it {Resend}.");

    public static ReturnProblem HeaderOnHiddenSheet(Workbook workbook, string sheet, int row) => new(
        ReturnProblemKind.NoHeader, workbook.FileName, sheet, row,
        $"'{workbook.FileName}' has a header row only on the hidden sheet '{sheet}' (row {row}), and hidden sheets are not read; unhide it (right-click a sheet tab, Unhide), or copy its rows to a visible sheet named 'Return', {Resend}.");

    public static ReturnProblem NoIndicatorColumn(Workbook workbook, string sheet, HeaderMatch closest) => new(
        ReturnProblemKind.MissingColumns, workbook.FileName, sheet, closest.Row.RowNumber,
        $"{Capital(PlaceInFile(workbook, sheet, closest.Row.RowNumber))} looks like the header (it names {Describe(closest)}) but has no Indicator column; head the column of indicator codes 'Indicator' (or Indicator code, PI code, KPI, Code, Measure) {Resend}.");

    public static ReturnProblem MissingColumns(Workbook workbook, string sheet, HeaderMatch header, bool noPeriod, bool noValueOrStatus)
    {
        var parts = new List<string>();
        if (noPeriod)
        {
            parts.Add("no Period column (nor a line above it stating the period, such as 'Period: 2025/26 Q1')");
        }

        if (noValueOrStatus)
        {
            parts.Add("no Value or Status column (Value for numbers, Status for qualitative indicators)");
        }

        return new(
            ReturnProblemKind.MissingColumns, workbook.FileName, sheet, header.Row.RowNumber,
            $"The header in {PlaceInFile(workbook, sheet, header.Row.RowNumber)} names {Describe(header)} but has {string.Join(" and ", parts)}; add {(parts.Count == 1 ? "it" : "them")} {Resend}.");
    }

    public static ReturnProblem DuplicateColumns(Workbook workbook, string sheet, int headerRow, IEnumerable<(ReturnColumn Column, IReadOnlyList<int> Repeats)> duplicates)
    {
        var repeated = duplicates.Select(d => $"'{d.Column.Header}' in columns {string.Join(" and ", new[] { d.Column.Index }.Concat(d.Repeats).Order().Select(ColumnName.Letter))}");
        return new(
            ReturnProblemKind.DuplicateColumns, workbook.FileName, sheet, headerRow,
            $"The header in {PlaceInFile(workbook, sheet, headerRow)} repeats a column heading ({string.Join("; ", repeated)}), so the pipeline cannot tell which column holds the data; delete or rename the extra columns {Resend}.");
    }

    public static ReturnProblem ConflictingStatedPeriods(Workbook workbook, string sheet, IReadOnlyList<ReturnStatedPeriod> stated) => new(
        ReturnProblemKind.ConflictingStatedPeriods, workbook.FileName, sheet, stated[0].Row,
        $"'{workbook.FileName}' states different periods above the header ({string.Join(", ", stated.Select(s => $"'{s.Value.Text}' in {Place(workbook, sheet, s.Row)}"))}) and has no Period column; keep one 'Period:' line, or add a Period column, {Resend}.");

    public static ReturnProblem NoDataRows(Workbook workbook, ReturnLayout layout) => new(
        ReturnProblemKind.NoDataRows, workbook.FileName, layout.Sheet, layout.HeaderRow,
        $"'{workbook.FileName}' has a header in {Place(workbook, layout.Sheet, layout.HeaderRow)} but no data rows below it (nothing under {string.Join(", ", layout.Columns.Select(c => $"'{c.Header}'"))}); fill in one row per indicator {Resend}.");

    /// <summary>Where a row is, as the sender finds it: "row 5 of sheet 'Return'" (a CSV has no sheets: "row 5").</summary>
    private static string Place(Workbook workbook, string sheet, int row) =>
        workbook.Format == WorkbookFormat.Csv ? $"row {row}" : $"row {row} of sheet '{sheet}'";

    /// <summary>Where a row is, naming the file: "row 5 of sheet 'Return' in 'q1.xlsx'", "row 5 of 'q1.csv'".</summary>
    private static string PlaceInFile(Workbook workbook, string sheet, int row) =>
        workbook.Format == WorkbookFormat.Csv ? $"row {row} of '{workbook.FileName}'" : $"row {row} of sheet '{sheet}' in '{workbook.FileName}'";

    /// <summary>The columns a row names: "Value ('Outturn'), Commentary".</summary>
    private static string Describe(HeaderMatch match) => string.Join(", ", ReturnColumns.All
        .Where(spec => match.Has(spec.Name))
        .Select(spec =>
        {
            var written = match.Row[match.Columns[spec.Name]].Text.Trim();
            return ColumnName.Normalise(written) == ColumnName.Normalise(spec.Name) ? spec.Name : $"{spec.Name} ('{written}')";
        }));

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
