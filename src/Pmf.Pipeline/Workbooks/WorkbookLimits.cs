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

    /// <summary>
    /// Rows × columns a sheet may span when it spans more than <see cref="MaxColumns"/> columns (empty formatted
    /// cells far to the right). The reader visits every cell of that rectangle, so a few stray cells at
    /// XFD1048576 would otherwise cost minutes; within this bound it costs about a second.
    /// </summary>
    public const long MaxWideSheetCells = 250_000_000;

    /// <summary>Rows in a worksheet: Excel's own limit (CSV files are not limited).</summary>
    public const int MaxSheetRows = 1_048_576;

    /// <summary>Unpacked size of one worksheet part of an .xlsx; it is streamed, so this bounds time, not memory.</summary>
    public const long MaxWorksheetPartBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>Unpacked size of any other .xlsx part (shared strings, styles), which the reader holds in memory.</summary>
    public const long MaxOtherPartBytes = 100L * 1024 * 1024;

    /// <summary>Unpacked size of a whole .xlsx package.</summary>
    public const long MaxPackageBytes = 4L * 1024 * 1024 * 1024;

    /// <summary>
    /// Bytes of an .xlsx part that may pass without a markup <c>&lt;</c>: one cell's text, one shared string
    /// or one tag. Excel's longest cell (<see cref="MaxCellTextLength"/> characters) is at most 98 kB of
    /// UTF-8, 160 kB with every character escaped; anything longer is refused while the part streams,
    /// before the reader builds it in memory.
    /// </summary>
    public const int MaxMarkupRunBytes = 256 * 1024;

    /// <summary>Entries in an .xlsx package.</summary>
    public const int MaxPackageEntries = 10_000;

    /// <summary>Size of an .xls (or encrypted) file, which the reader loads into memory whole.</summary>
    public const long MaxBinaryFileBytes = 256L * 1024 * 1024;
}
