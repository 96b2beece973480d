using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Finance;

/// <summary>
/// Reads the Finance sheet of a return workbook (a visible sheet named Finance), or a CSV whose header
/// is a Finance sheet's, whole: a service has a handful of rows, so they are held, unlike a return's results.
/// A workbook without one reads as <see cref="FinanceSheet.None"/>; a Finance sheet without the header
/// in its first 20 rows gives a <see cref="Problem"/> naming the missing columns.
/// </summary>
/// <param name="Rows">The data rows under the header; a row with no forecast outturn, variance or commentary is not filled in, and skipped.</param>
/// <param name="Problem">Why the sheet could not be read, in one sentence; null when it could (or there is none).</param>
/// <param name="Found">True when the workbook has a Finance sheet.</param>
public sealed record FinanceSheet(IReadOnlyList<FinanceRow> Rows, string? Problem, bool Found)
{
    private static readonly HeaderMatcher Matcher = new(FinanceColumns.All);

    /// <summary>No Finance sheet.</summary>
    public static FinanceSheet None { get; } = new([], null, false);

    /// <summary>Reads the Finance sheet of the workbook in <paramref name="stream"/> (the caller's; its position is left at the end).</summary>
    public static FinanceSheet Read(Stream stream, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Workbook workbook;
        try
        {
            workbook = WorkbookReader.Open(stream, fileName, cancellationToken);
        }
        catch (WorkbookException)
        {
            // The return reader opens the same file next and says what is wrong with it.
            return None;
        }

        using (workbook)
        {
            return Read(workbook, cancellationToken);
        }
    }

    /// <summary>Reads the Finance sheet of <paramref name="workbook"/>, already open and still the caller's.</summary>
    public static FinanceSheet Read(Workbook workbook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var sheet = workbook.Sheets.FirstOrDefault(s => s.IsVisible && FinanceColumns.IsFinanceSheet(s.Name));
        if (sheet is not null)
        {
            return ReadSheet(workbook, sheet, cancellationToken);
        }

        // A CSV has one sheet, named after the file: it is a Finance sheet when its header says so.
        return workbook.Format == WorkbookFormat.Csv && ReadSheet(workbook, workbook.Sheets[0], cancellationToken) is { Problem: null } csv ? csv : None;
    }

    private static FinanceSheet ReadSheet(Workbook workbook, WorkbookSheet sheet, CancellationToken cancellationToken)
    {
        using var rows = workbook.ReadRows(sheet, cancellationToken).GetEnumerator();
        var search = Matcher.Find(rows);
        if (search.Header is not { } header)
        {
            var missing = search.Closest?.MissingRequired.Select(c => c.Name) ?? FinanceColumns.All.Where(c => c.IsRequired).Select(c => c.Name);
            return new([], $"The '{sheet.Name}' sheet has no header row in its first {HeaderMatcher.DefaultSearchRows} rows with {string.Join(", ", missing)}; add a header row with Service, Period, Budget, Forecast outturn and Variance, and send the file again.", true);
        }

        var read = new List<FinanceRow>();
        while (rows.MoveNext())
        {
            var row = rows.Current;
            var line = new FinanceRow(
                sheet.Name, row.RowNumber,
                header.Cell(row, FinanceColumns.Council), header.Cell(row, FinanceColumns.Service), header.Cell(row, FinanceColumns.Period),
                header.Cell(row, FinanceColumns.Budget), header.Cell(row, FinanceColumns.ForecastOutturn), header.Cell(row, FinanceColumns.Variance),
                header.Cell(row, FinanceColumns.Commentary));
            if (!IsBlank(line))
            {
                read.Add(line);
            }
        }

        return new(read, null, true);
    }

    // A template's row is pre-filled with council, service, period and last quarter's budget: it counts as
    // sent once the service gives a forecast, a variance or commentary.
    private static bool IsBlank(FinanceRow row) => row.ForecastOutturn.IsBlank && row.Variance.IsBlank && row.Commentary.IsBlank;
}
