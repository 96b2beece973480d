namespace Pmf.Pipeline.Workbooks;

/// <summary>The outcome of looking for a header row near the top of a sheet.</summary>
/// <param name="Header">The header row, when one held every required column.</param>
/// <param name="Closest">When none did, the row that held the most of the columns (to say which are missing); else null.</param>
/// <param name="RowsAbove">Non-blank rows examined before the header (titles, instructions, <c>Period: …</c>), at most the search depth.</param>
public sealed record HeaderSearch(HeaderMatch? Header, HeaderMatch? Closest, IReadOnlyList<WorkbookRow> RowsAbove)
{
    /// <summary>True when a header row was found.</summary>
    public bool Found => Header is not null;
}
