using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Returns;

/// <summary>Checks the header found on a sheet against FORMATS.md and, when it will do, starts the row stream.</summary>
internal static class ReturnOpener
{
    public static ReturnReadResult Open(Workbook workbook, HeaderScan scan, List<string> notes)
    {
        var header = scan.Header!;
        var sheet = scan.Sheet.Name;
        var columns = HeaderColumns.Read(header);
        if (columns.Duplicates.Count > 0)
        {
            return ReturnReadResult.Rejected(ReturnProblems.DuplicateColumns(workbook, sheet, header.Row.RowNumber, columns.Duplicates));
        }

        var hasPeriod = header.Has(ReturnColumns.Period);
        var stated = StatedPeriods.Find(scan.RowsAbove);
        var conflict = StatedPeriods.Conflict(stated);
        if (conflict && !hasPeriod)
        {
            return ReturnReadResult.Rejected(ReturnProblems.ConflictingStatedPeriods(workbook, sheet, stated));
        }

        var noPeriod = !hasPeriod && stated.Count == 0;
        var noValueOrStatus = !header.Has(ReturnColumns.Value) && !header.Has(ReturnColumns.Status);
        if (noPeriod || noValueOrStatus)
        {
            return ReturnReadResult.Rejected(ReturnProblems.MissingColumns(workbook, sheet, header, noPeriod, noValueOrStatus));
        }

        notes.AddRange(columns.Notes);
        if (hasPeriod && stated.Count > 0)
        {
            notes.Add(conflict
                ? $"Different periods are stated above the header (rows {string.Join(", ", stated.Select(s => s.Row))}), so a row with a blank Period cell is left without a period."
                : $"The period is stated above the header (row {stated[0].Row}) and there is a Period column: each row's own period is read, and a row with a blank Period cell takes the stated '{stated[0].Value.Text}'.");
        }

        var layout = new ReturnLayout(
            workbook.FileName, workbook.Format, sheet, header.Row.RowNumber, columns.Columns,
            conflict ? null : stated.FirstOrDefault(), columns.Ignored, notes);
        // The stream owns the workbook only once it is handed out; until then the caller disposes the workbook.
        var rows = scan.TakeRows();
        var stream = new ReturnRowStream(workbook, rows, layout, header.Row[header.Columns[ReturnColumns.Indicator]].Text);
        try
        {
            if (stream.HasDataRows())
            {
                return ReturnReadResult.Readable(layout, stream);
            }
        }
        catch
        {
            rows.Dispose();
            throw;
        }

        rows.Dispose();
        return ReturnReadResult.Rejected(ReturnProblems.NoDataRows(workbook, layout), layout);
    }
}
