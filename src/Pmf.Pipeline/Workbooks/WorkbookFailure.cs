namespace Pmf.Pipeline.Workbooks;

/// <summary>Why a file handed to the pipeline could not be read as a workbook.</summary>
public enum WorkbookFailure
{
    /// <summary>The file has no bytes at all.</summary>
    Empty,

    /// <summary>The file name's extension is not one the pipeline reads (.xlsx, .xlsm, .xls, .csv).</summary>
    UnsupportedType,

    /// <summary>The contents are not a workbook (or, for .csv, not text): e.g. text renamed .xlsx, or an image.</summary>
    NotAWorkbook,

    /// <summary>The workbook is protected with a password.</summary>
    Encrypted,

    /// <summary>The file claims to be a workbook but its contents are damaged or malformed.</summary>
    Damaged,

    /// <summary>The file, a part of it, a row or a cell exceeds the limits in <see cref="WorkbookLimits"/>.</summary>
    TooLarge,

    /// <summary>A .csv file is separated by semicolons or tabs rather than commas.</summary>
    NotCommaSeparated,
}
