namespace Pmf.Pipeline.Workbooks;

/// <summary>One row of a sheet that holds at least one non-blank cell.</summary>
/// <param name="RowNumber">The row number as Excel shows it (1-based); for CSV, the record number.</param>
/// <param name="Cells">The cells from column A up to the last non-blank one.</param>
public sealed record WorkbookRow(int RowNumber, IReadOnlyList<WorkbookCell> Cells)
{
    /// <summary>The cell in the 0-based <paramref name="column"/>; blank beyond the last one.</summary>
    public WorkbookCell this[int column] => column >= 0 && column < Cells.Count ? Cells[column] : WorkbookCell.Blank;
}
