using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Returns;

/// <summary>
/// Opens a return (FORMATS.md, "Return workbook (or CSV)") and finds its data: the first visible sheet named
/// <c>Return</c> (names compared ignoring case, spaces and punctuation), else the first visible sheet with a
/// header row; hidden sheets are never read. The header is a row within the first 20 that names Indicator
/// and at least one other return column; titles, instructions and a <c>Period: …</c> line may sit above it.
/// Never throws for a bad file: the result carries a located <see cref="ReturnProblem"/> instead.
/// </summary>
/// <remarks>
/// Decisions a sender may notice:
/// <list type="bullet">
/// <item>A <c>Return</c> sheet with nothing resembling a header (empty, or a note) is passed over for the next
/// visible sheet with a header, with a note; one with a header-like row lacking Indicator is rejected, so
/// an old copy on another sheet is never read instead.</item>
/// <item>A period stated above the header applies to every row when there is no Period column; when there is
/// one, the row's own period wins and a blank period cell takes the stated one (<see cref="ReturnRow.PeriodIsStated"/>).</item>
/// <item>Rows holding nothing under the return's columns are skipped, as are repeats of the header row; a row
/// with commentary but no indicator code is yielded, for the gate to flag.</item>
/// <item>Cells are passed on untouched: text starting <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> stays text. A formula
/// cell carries the result Excel cached when it saved the file; a formula saved without one (by a program that does
/// not calculate, such as ClosedXML or openpyxl) reads as blank, so the gate sees a missing value, never the
/// formula; an error value such as <c>#DIV/0!</c> reads as that error, which the gate rejects on its row.</item>
/// </list>
/// </remarks>
public static class ReturnReader
{
    /// <summary>
    /// Opens the return in <paramref name="stream"/>, named <paramref name="fileName"/>, and reads as far as its
    /// first data row. The stream stays the caller's; dispose the result when its rows have been read.
    /// </summary>
    /// <param name="stream">The file.</param>
    /// <param name="fileName">Its name as the sender gave it.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <param name="actionsSheet">A sheet holding the file's delivery-plan action updates (<see cref="ActionSheetReader"/>), never read as the return.</param>
    public static ReturnReadResult Read(Stream stream, string fileName, CancellationToken cancellationToken = default, string? actionsSheet = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        Workbook workbook;
        try
        {
            workbook = WorkbookReader.Open(stream, fileName, cancellationToken);
        }
        catch (WorkbookException ex)
        {
            return ReturnReadResult.Rejected(ReturnProblems.Unreadable(ex));
        }

        return Read(workbook, cancellationToken, actionsSheet);
    }

    /// <summary>
    /// Reads the return in <paramref name="workbook"/>, already open (its other sheets may have been read first: a
    /// file is opened once, which on a large workbook is most of the cost), as far as its first data row. The result
    /// owns the workbook: it is disposed here when the file is rejected, and with the result otherwise.
    /// </summary>
    /// <param name="workbook">The open file.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <param name="actionsSheet">A sheet holding the file's delivery-plan action updates (<see cref="ActionSheetReader"/>), never read as the return.</param>
    public static ReturnReadResult Read(Workbook workbook, CancellationToken cancellationToken = default, string? actionsSheet = null)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        try
        {
            var result = Locate(workbook, actionsSheet, cancellationToken);
            if (result.IsRejected)
            {
                workbook.Dispose();
            }

            return result;
        }
        catch (WorkbookException ex)
        {
            workbook.Dispose();
            return ReturnReadResult.Rejected(ReturnProblems.Unreadable(ex));
        }
        catch (ReturnReadException ex)
        {
            workbook.Dispose();
            return ReturnReadResult.Rejected(ex.Problem);
        }
        catch
        {
            workbook.Dispose();
            throw;
        }
    }

    private static ReturnReadResult Locate(Workbook workbook, string? actionsSheet, CancellationToken cancellationToken)
    {
        var returnSheet = workbook.Sheets.FirstOrDefault(s => s.IsVisible && IsReturnName(s.Name));
        var order = workbook.Sheets.Where(s => s.IsVisible && s.Name != actionsSheet).OrderByDescending(s => s == returnSheet);
        var passedOver = new List<HeaderScan>();
        foreach (var sheet in order)
        {
            using var scan = HeaderScan.Run(workbook, sheet, cancellationToken);
            if (scan.Header is not null)
            {
                var notes = new List<string>();
                if (passedOver.Count > 0 && passedOver[0].Sheet == returnSheet)
                {
                    notes.Add($"The '{returnSheet.Name}' sheet {(passedOver[0].IsEmpty ? "is empty" : "has no header row")}, so sheet '{sheet.Name}' was read instead.");
                }

                return ReturnOpener.Open(workbook, scan, notes);
            }

            if (sheet == returnSheet && scan.LowHeaderRow is { } low)
            {
                return ReturnReadResult.Rejected(ReturnProblems.HeaderTooLow(workbook, sheet.Name, low));
            }

            if (sheet == returnSheet && scan.Closest is { Columns.Count: >= 2 } nearHeader)
            {
                return ReturnReadResult.Rejected(ReturnProblems.NoIndicatorColumn(workbook, sheet.Name, nearHeader));
            }

            passedOver.Add(scan);
        }

        return ReturnReadResult.Rejected(Diagnose(workbook, passedOver, cancellationToken));
    }

    /// <summary>No visible sheet has the header: say the most helpful true thing about why.</summary>
    private static ReturnProblem Diagnose(Workbook workbook, List<HeaderScan> scans, CancellationToken cancellationToken)
    {
        if (scans.Find(s => s.LowHeaderRow is not null) is { } low)
        {
            return ReturnProblems.HeaderTooLow(workbook, low.Sheet.Name, low.LowHeaderRow!.Value);
        }

        foreach (var hidden in workbook.Sheets.Where(s => !s.IsVisible))
        {
            using var scan = HeaderScan.Run(workbook, hidden, cancellationToken);
            if (scan.Header is not null)
            {
                return ReturnProblems.HeaderOnHiddenSheet(workbook, hidden.Name, scan.Header.Row.RowNumber);
            }
        }

        var nearest = scans.Where(s => s.Closest is not null).MaxBy(s => s.Closest!.Columns.Count);
        return nearest?.Closest is { Columns.Count: >= 2 } nearHeader
            ? ReturnProblems.NoIndicatorColumn(workbook, nearest.Sheet.Name, nearHeader)
            : ReturnProblems.NoHeader(workbook, nearest?.Closest, nearest?.Sheet, scans.TrueForAll(s => s.IsEmpty));
    }

    private static bool IsReturnName(string sheetName) => ColumnName.Normalise(sheetName) == "return";
}
