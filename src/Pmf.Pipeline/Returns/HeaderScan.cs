using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Returns;

/// <summary>
/// One sheet searched for the return's header: a row naming Indicator and at least one other return column,
/// within the first 20 rows. When found, <see cref="Rows"/> is left on the header so data rows follow from it.
/// When not, the search goes on to row 100 only to tell the sender their header sits too low.
/// </summary>
internal sealed class HeaderScan : IDisposable
{
    /// <summary>How far down a header is looked for only to say it is too low.</summary>
    public const int DiagnosticRows = 100;

    private HeaderScan(WorkbookSheet sheet, HeaderMatch? header, HeaderMatch? closest, IReadOnlyList<WorkbookRow> rowsAbove, IEnumerator<WorkbookRow>? rows, int? lowHeaderRow, bool isEmpty)
    {
        Sheet = sheet;
        Header = header;
        Closest = closest;
        RowsAbove = rowsAbove;
        Rows = rows;
        LowHeaderRow = lowHeaderRow;
        IsEmpty = isEmpty;
    }

    public WorkbookSheet Sheet { get; }

    /// <summary>The header, when the sheet has one in its first 20 rows.</summary>
    public HeaderMatch? Header { get; }

    /// <summary>Without a header: the row in the first 20 that names the most return columns, if any.</summary>
    public HeaderMatch? Closest { get; }

    /// <summary>The non-blank rows above the header (titles, instructions, <c>Period: …</c>).</summary>
    public IReadOnlyList<WorkbookRow> RowsAbove { get; }

    /// <summary>With a header: the sheet's rows, positioned on the header. Owned by this scan until taken.</summary>
    public IEnumerator<WorkbookRow>? Rows { get; private set; }

    /// <summary>Without a header in the first 20 rows: the row further down (up to 100) that would have been it.</summary>
    public int? LowHeaderRow { get; }

    /// <summary>True when the sheet holds nothing at all.</summary>
    public bool IsEmpty { get; }

    public static bool IsHeader(HeaderMatch match) => match.Has(ReturnColumns.Indicator) && match.Columns.Count >= 2;

    public static HeaderScan Run(Workbook workbook, WorkbookSheet sheet, CancellationToken cancellationToken)
    {
        var rows = workbook.ReadRows(sheet, cancellationToken).GetEnumerator();
        try
        {
            var above = new List<WorkbookRow>();
            HeaderMatch? closest = null;
            int? lowHeaderRow = null;
            var isEmpty = true;
            while (rows.MoveNext())
            {
                isEmpty = false;
                var row = rows.Current;
                if (row.RowNumber > DiagnosticRows)
                {
                    break;
                }

                var match = ReturnColumns.Matcher.Match(row);
                if (IsHeader(match) && row.RowNumber <= HeaderMatcher.DefaultSearchRows)
                {
                    return new HeaderScan(sheet, match, null, above, rows, null, false);
                }

                if (IsHeader(match))
                {
                    lowHeaderRow = row.RowNumber;
                    break;
                }

                if (row.RowNumber <= HeaderMatcher.DefaultSearchRows)
                {
                    above.Add(row);
                    closest = match.Columns.Count > (closest?.Columns.Count ?? 0) ? match : closest;
                }
            }

            rows.Dispose();
            return new HeaderScan(sheet, null, closest, above, null, lowHeaderRow, isEmpty);
        }
        catch
        {
            rows.Dispose();
            throw;
        }
    }

    /// <summary>Hands the positioned rows to the caller, who then disposes them.</summary>
    public IEnumerator<WorkbookRow> TakeRows()
    {
        var rows = Rows ?? throw new InvalidOperationException($"Sheet '{Sheet.Name}' has no header, so no rows to take.");
        Rows = null;
        return rows;
    }

    public void Dispose() => Rows?.Dispose();
}
