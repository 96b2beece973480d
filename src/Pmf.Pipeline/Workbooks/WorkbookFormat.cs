namespace Pmf.Pipeline.Workbooks;

/// <summary>The kind of file a workbook was read from.</summary>
public enum WorkbookFormat
{
    /// <summary>An Office Open XML workbook (.xlsx or .xlsm), including one that was encrypted with Excel's default password.</summary>
    Xlsx,

    /// <summary>A legacy binary workbook (.xls, BIFF2 to BIFF8).</summary>
    Xls,

    /// <summary>Comma-separated text; the whole file is one sheet.</summary>
    Csv,
}
