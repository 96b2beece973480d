using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Returns;

/// <summary>
/// One data row of a return as the sender typed it, cells picked out by the header. Nothing is
/// interpreted yet: that is the quality gate's work, so every issue can quote the raw value.
/// </summary>
/// <param name="Sheet">The sheet the row came from (for a CSV, the file name without its extension).</param>
/// <param name="RowNumber">The row number as Excel shows it (1-based; the CSV line).</param>
/// <param name="Indicator">The indicator code cell.</param>
/// <param name="Period">The period cell, or the period stated above the header when there is no column.</param>
/// <param name="Value">The value cell.</param>
/// <param name="Numerator">The numerator cell.</param>
/// <param name="Denominator">The denominator cell.</param>
/// <param name="Status">The qualitative status / self-assessment cell.</param>
/// <param name="Commentary">The commentary cell.</param>
/// <param name="RemedialAction">The remedial action cell.</param>
public sealed record ReturnRow(
    string Sheet,
    int RowNumber,
    WorkbookCell Indicator,
    WorkbookCell Period,
    WorkbookCell Value,
    WorkbookCell Numerator,
    WorkbookCell Denominator,
    WorkbookCell Status,
    WorkbookCell Commentary,
    WorkbookCell RemedialAction)
{
    /// <summary>
    /// True when <see cref="Period"/> is the period stated above the header (<c>Period: …</c>) rather than the
    /// row's own cell: there is no Period column, or the row left its Period cell blank.
    /// </summary>
    public bool PeriodIsStated { get; init; }

    /// <summary>The case study title cell: when filled, the row's commentary is a story for the annual review.</summary>
    public WorkbookCell CaseStudy { get; init; } = WorkbookCell.Blank;
}
