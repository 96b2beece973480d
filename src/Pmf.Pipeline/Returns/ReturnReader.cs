using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Returns;

/// <summary>
/// Reads a return as FORMATS.md describes it: the first visible sheet named <c>Return</c>, else the
/// first visible sheet with the header; the header anywhere in the first 20 rows, columns matched
/// loosely with synonyms; a <c>Period: …</c> line above the header standing in for a Period column.
/// Rows are streamed, never buffered. Anything structural that stops the file being read is a
/// <see cref="ReturnProblem"/> with a sentence for the sender, never an exception.
/// </summary>
public static class ReturnReader
{
    private const string ReturnSheet = "return";

    /// <summary>
    /// Opens the return. The result owns the file: dispose it when done. Its rows can be enumerated
    /// once; damage found part-way through surfaces as a <see cref="ReturnReadException"/> from the
    /// enumeration, naming the last row read.
    /// </summary>
    public static ReturnReadResult Read(Stream stream, string fileName, CancellationToken cancellationToken = default)
    {
        Workbook workbook;
        try
        {
            workbook = WorkbookReader.Open(stream, fileName, cancellationToken);
        }
        catch (WorkbookException e)
        {
            return ReturnReadResult.Rejected(ReturnProblems.Unreadable(e));
        }

        try
        {
            var result = ReadLayout(workbook, cancellationToken);
            if (result.IsRejected)
            {
                workbook.Dispose();
            }

            return result;
        }
        catch (WorkbookException e)
        {
            workbook.Dispose();
            return ReturnReadResult.Rejected(ReturnProblems.Unreadable(e));
        }
        catch (ReturnReadException e)
        {
            workbook.Dispose();
            return ReturnReadResult.Rejected(e.Problem);
        }
        catch
        {
            workbook.Dispose();
            throw;
        }
    }

    private static ReturnReadResult ReadLayout(Workbook workbook, CancellationToken cancellationToken)
    {
        var visible = workbook.Sheets.Where(s => s.IsVisible).ToList();
        var candidates = visible.Where(IsReturnSheet).Concat(visible.Where(s => !IsReturnSheet(s))).ToList();
        HeaderMatch? closest = null;
        WorkbookSheet? closestSheet = null;
        (string Sheet, int Row)? lowHeader = null;
        var allEmpty = true;
        foreach (var sheet in candidates)
        {
            var scan = HeaderScan.Run(workbook, sheet, cancellationToken);
            if (scan.Header is not null)
            {
                return FromHeader(workbook, scan);
            }

            allEmpty &= scan.IsEmpty;
            lowHeader ??= scan.LowHeaderRow is { } low ? (sheet.Name, low) : null;
            if (scan.Closest is { } near && near.Columns.Count > (closest?.Columns.Count ?? 0))
            {
                (closest, closestSheet) = (near, sheet);
            }
        }

        if (lowHeader is { } tooLow)
        {
            return ReturnReadResult.Rejected(ReturnProblems.HeaderTooLow(workbook, tooLow.Sheet, tooLow.Row));
        }

        foreach (var hidden in workbook.Sheets.Where(s => !s.IsVisible))
        {
            using var scan = HeaderScan.Run(workbook, hidden, cancellationToken);
            if (scan.Header is { } header)
            {
                return ReturnReadResult.Rejected(ReturnProblems.HeaderOnHiddenSheet(workbook, hidden.Name, header.Row.RowNumber));
            }
        }

        if (closest is not null && closestSheet is not null && closest.Columns.Count >= 2 && !closest.Has(ReturnColumns.Indicator))
        {
            return ReturnReadResult.Rejected(ReturnProblems.NoIndicatorColumn(workbook, closestSheet.Name, closest));
        }

        return ReturnReadResult.Rejected(ReturnProblems.NoHeader(workbook, closest, closestSheet, allEmpty));
    }

    private static ReturnReadResult FromHeader(Workbook workbook, HeaderScan scan)
    {
        using var owned = scan;
        var header = scan.Header!;
        var sheet = scan.Sheet.Name;
        var columns = HeaderColumns.Read(header);
        if (columns.Duplicates.Count > 0)
        {
            return ReturnReadResult.Rejected(ReturnProblems.DuplicateColumns(workbook, sheet, header.Row.RowNumber, columns.Duplicates));
        }

        var hasPeriodColumn = columns.Columns.Any(c => c.Name == ReturnColumns.Period);
        var stated = StatedPeriods.Find(scan.RowsAbove);
        if (!hasPeriodColumn && StatedPeriods.Conflict(stated))
        {
            return ReturnReadResult.Rejected(ReturnProblems.ConflictingStatedPeriods(workbook, sheet, stated));
        }

        var noPeriod = !hasPeriodColumn && stated.Count == 0;
        var noValueOrStatus = !columns.Columns.Any(c => c.Name is ReturnColumns.Value or ReturnColumns.Status);
        if (noPeriod || noValueOrStatus)
        {
            return ReturnReadResult.Rejected(ReturnProblems.MissingColumns(workbook, sheet, header, noPeriod, noValueOrStatus));
        }

        var layout = new ReturnLayout(
            workbook.FileName, workbook.Format, sheet, header.Row.RowNumber, columns.Columns, stated.FirstOrDefault(), columns.Ignored, columns.Notes);
        var indicatorHeader = columns.Columns.First(c => c.Name == ReturnColumns.Indicator).Header;
        var stream = new ReturnRowStream(workbook, scan.TakeRows(), layout, indicatorHeader);
        if (!stream.HasDataRows())
        {
            return ReturnReadResult.Rejected(ReturnProblems.NoDataRows(workbook, layout), layout);
        }

        return ReturnReadResult.Readable(layout, stream);
    }

    private static bool IsReturnSheet(WorkbookSheet sheet) => ColumnName.Normalise(sheet.Name) == ReturnSheet;
}
