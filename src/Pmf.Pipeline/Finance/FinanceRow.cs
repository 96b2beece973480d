using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Finance;

/// <summary>One row of a Finance sheet, as typed.</summary>
/// <param name="Sheet">The sheet's name.</param>
/// <param name="RowNumber">The row as Excel shows it.</param>
/// <param name="Council">The Council cell (blank when the sheet has no such column).</param>
/// <param name="Service">The Service cell.</param>
/// <param name="Period">The Period cell.</param>
/// <param name="Budget">The Budget cell.</param>
/// <param name="ForecastOutturn">The Forecast outturn cell.</param>
/// <param name="Variance">The Variance cell.</param>
/// <param name="Commentary">The Commentary cell.</param>
public sealed record FinanceRow(
    string Sheet,
    int RowNumber,
    WorkbookCell Council,
    WorkbookCell Service,
    WorkbookCell Period,
    WorkbookCell Budget,
    WorkbookCell ForecastOutturn,
    WorkbookCell Variance,
    WorkbookCell Commentary);
