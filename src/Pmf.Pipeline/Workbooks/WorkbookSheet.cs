namespace Pmf.Pipeline.Workbooks;

/// <summary>A sheet of a workbook, in workbook order.</summary>
/// <param name="Index">0-based position in the workbook.</param>
/// <param name="Name">The tab name; for a CSV, the file name without its extension.</param>
/// <param name="IsVisible">False for hidden and very hidden sheets.</param>
public sealed record WorkbookSheet(int Index, string Name, bool IsVisible);
