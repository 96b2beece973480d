namespace Pmf.Pipeline.Workbooks;

/// <summary>
/// Bounds that keep a hostile or broken file (zip bomb, absurd dimensions, runaway quote) from exhausting
/// memory or time. A file beyond them is rejected with <see cref="WorkbookFailure.TooLarge"/>.
/// </summary>
public static class WorkbookLimits
{
    /// <summary>Columns a row may use; data beyond this column is rejected, empty formatted cells beyond it are ignored.</summary>
    public const int MaxColumns = 1_000;

    /// <summary>Characters in one cell: Excel's own limit, so only a file not made by Excel exceeds it.</summary>
    public const int MaxCellTextLength = 32_767;

    /// <summary>Rows in a worksheet: Excel's own limit (CSV files are not limited).</summary>
    public const int MaxSheetRows = 1_048_576;

    /// <summary>Unpacked size of one worksheet part of an .xlsx; it is streamed, so this bounds time, not memory.</summary>
    public const long MaxWorksheetPartBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>Unpacked size of any other .xlsx part (shared strings, styles), which the reader holds in memory.</summary>
    public const long MaxOtherPartBytes = 100L * 1024 * 1024;

    /// <summary>Unpacked size of a whole .xlsx package.</summary>
    public const long MaxPackageBytes = 4L * 1024 * 1024 * 1024;

    /// <summary>Entries in an .xlsx package.</summary>
    public const int MaxPackageEntries = 10_000;

    /// <summary>Size of an .xls (or encrypted) file, which the reader loads into memory whole.</summary>
    public const long MaxBinaryFileBytes = 256L * 1024 * 1024;
}
