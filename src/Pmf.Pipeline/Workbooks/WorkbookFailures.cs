using System.Globalization;

namespace Pmf.Pipeline.Workbooks;

/// <summary>The sentences a sender reads when their file cannot be read; one place so they stay consistent.</summary>
internal static class WorkbookFailures
{
    private const string SaveAsXlsx = "please open it in Excel, save it as an Excel Workbook (.xlsx) and send it again";

    public static WorkbookException Empty(string file) => new(
        WorkbookFailure.Empty, file, $"'{file}' is empty (0 bytes); please save it again from Excel and resend it.");

    public static WorkbookException UnsupportedType(string file, string extension) => extension.Equals(".xlsb", StringComparison.OrdinalIgnoreCase)
        ? new(WorkbookFailure.UnsupportedType, file, $"'{file}' is an Excel binary workbook (.xlsb), which the pipeline cannot read; {SaveAsXlsx}.")
        : new(WorkbookFailure.UnsupportedType, file, $"'{file}' is not a file type the pipeline reads; please send an Excel workbook (.xlsx, .xlsm or .xls) or a comma-separated .csv file.");

    public static WorkbookException TextNotWorkbook(string file) => new(
        WorkbookFailure.NotAWorkbook, file, $"'{file}' is not an Excel workbook but plain text (perhaps a CSV file renamed); please save it from Excel as .xlsx, or send it named .csv.");

    public static WorkbookException NotWorkbook(string file, Exception? inner = null) => new(
        WorkbookFailure.NotAWorkbook, file, $"'{file}' is not an Excel workbook (its contents are in no format Excel writes); {SaveAsXlsx}.", inner);

    public static WorkbookException ZipNotWorkbook(string file, Exception? inner = null) => new(
        WorkbookFailure.NotAWorkbook, file, $"'{file}' is a zip archive but not an Excel workbook; {SaveAsXlsx}.", inner);

    public static WorkbookException BinaryNotCsv(string file) => new(
        WorkbookFailure.NotAWorkbook, file, $"'{file}' is not a CSV text file (it holds binary data); please save it from Excel as 'CSV UTF-8 (Comma delimited)' and send it again.");

    public static WorkbookException Encrypted(string file, Exception? inner = null) => new(
        WorkbookFailure.Encrypted, file, $"'{file}' is protected with a password, so the pipeline cannot open it; please send an unprotected copy (in Excel: File > Info > Protect Workbook > Encrypt with Password, clear the password, save).", inner);

    public static WorkbookException Damaged(string file, Exception? inner = null) => new(
        WorkbookFailure.Damaged, file, $"'{file}' could not be read because it is damaged or not a valid Excel file; {SaveAsXlsx}.", inner);

    public static WorkbookException RepeatedPart(string file, string part) => new(
        WorkbookFailure.Damaged, file, $"'{file}' holds two parts named '{part}', which Excel never writes, so it is damaged or has been tampered with and what it holds cannot be told; {SaveAsXlsx}.");

    public static WorkbookException PartTooLarge(string file, string part, long bytes, long limit) => new(
        WorkbookFailure.TooLarge, file, Invariant($"'{file}' unpacks to {Size(bytes)} in its part '{part}', more than the {Size(limit)} the pipeline accepts, so it is damaged or not a genuine workbook; please check the file and send a smaller one."));

    public static WorkbookException RunTooLong(string file, string part, int limit) => new(
        WorkbookFailure.TooLarge, file, Invariant($"'{file}' holds a cell or string in its part '{part}' longer than {Size(limit)} (a spreadsheet cell holds at most {WorkbookLimits.MaxCellTextLength:N0} characters), so it is damaged or not a genuine workbook; please check the file and send it again."));

    public static WorkbookException PackageTooLarge(string file, long limit) => new(
        WorkbookFailure.TooLarge, file, Invariant($"'{file}' unpacks to more than {Size(limit)} (or more than {WorkbookLimits.MaxPackageEntries:N0} parts), so it is damaged or not a genuine workbook; please check the file and send a smaller one."));

    public static WorkbookException BinaryFileTooLarge(string file, long bytes) => new(
        WorkbookFailure.TooLarge, file, Invariant($"'{file}' is {Size(bytes)}, more than the {Size(WorkbookLimits.MaxBinaryFileBytes)} the pipeline accepts for an .xls file; {SaveAsXlsx}."));

    public static WorkbookException TooManyColumns(string file, string sheet, int row, int column) => new(
        WorkbookFailure.TooLarge, file, Invariant($"'{file}' has data in cell {ColumnName.Letter(column)}{row} of sheet '{sheet}', beyond the {WorkbookLimits.MaxColumns:N0} columns the pipeline reads; please delete whatever lies right of column {ColumnName.Letter(WorkbookLimits.MaxColumns - 1)} and send it again."));

    public static WorkbookException BeyondExcelColumns(string file, string sheet, int columns) => new(
        WorkbookFailure.Damaged, file, Invariant($"'{file}' has sheet '{sheet}' reaching column {ColumnName.Letter(columns - 1)}, beyond the 16,384 columns Excel itself allows, so the file is damaged; open it in Excel, save it again as .xlsx and send that copy."));

    public static WorkbookException SheetTooWide(string file, string sheet, int rows, int columns) => new(
        WorkbookFailure.TooLarge, file, Invariant($"'{file}' has a sheet '{sheet}' spanning {rows:N0} rows and {columns:N0} columns (to column {ColumnName.Letter(columns - 1)}), far beyond any real data; please delete the unused rows and columns after your data and send it again."));

    public static WorkbookException TooManyRows(string file, string sheet) => new(
        WorkbookFailure.TooLarge, file, Invariant($"'{file}' has rows beyond row {WorkbookLimits.MaxSheetRows:N0} in sheet '{sheet}', more than Excel itself allows, so it is damaged; {SaveAsXlsx}."));

    public static WorkbookException CellTooLong(string file, string sheet, int row, int column, int length) => new(
        WorkbookFailure.TooLarge, file, Invariant($"'{file}' holds {length:N0} characters in cell {ColumnName.Letter(column)}{row} of sheet '{sheet}', more than the {WorkbookLimits.MaxCellTextLength:N0} a spreadsheet cell can hold; please check the file and send it again."));

    public static WorkbookException CsvFieldTooLong(string file, int record) => new(
        WorkbookFailure.TooLarge, file, Invariant($"'{file}' has a field longer than {WorkbookLimits.MaxCellTextLength:N0} characters starting in row {record}, which usually means a quote mark (\") is never closed; please check the quotes in that row and send it again."));

    public static WorkbookException CsvTooManyFields(string file, int record) => new(
        WorkbookFailure.TooLarge, file, Invariant($"'{file}' has more than {WorkbookLimits.MaxColumns:N0} fields in row {record}; please remove the stray columns and send it again."));

    public static WorkbookException NotCommaSeparated(string file, char separator) => new(
        WorkbookFailure.NotCommaSeparated, file, $"'{file}' is separated by {(separator == ';' ? "semicolons" : "tabs")}, not commas; please save it from Excel as 'CSV UTF-8 (Comma delimited)' and send it again.");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Size(long bytes) => bytes >= 1024L * 1024 * 1024
        ? Invariant($"{bytes / (1024.0 * 1024 * 1024):0.#} GB")
        : Invariant($"{bytes / (1024.0 * 1024):0.#} MB");
}
