using System.Globalization;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Returns;

/// <summary>
/// Reads the delivery-plan action updates a return carries (docs/formats.md, "Actions sheet"): the first
/// visible sheet named <c>Actions</c> (or Action progress, Action updates, Delivery plan), else the first
/// visible sheet whose header names Action and Status but no Indicator (an actions-only CSV). The header may
/// sit anywhere in the first 20 rows, below titles and a <c>Period: …</c> line. The sheet is read whole, once.
/// </summary>
public static class ActionSheetReader
{
    /// <summary>More rows than a delivery plan has, by far; beyond it the sheet is refused rather than held.</summary>
    public const int MaxRows = 5_000;

    /// <summary>
    /// The Actions sheet of the file in <paramref name="stream"/> (named <paramref name="fileName"/>), or
    /// <see cref="ActionSheet.None"/> when it has none or cannot be opened at all (the return reader says why).
    /// The stream stays the caller's; its position is left wherever reading ended.
    /// </summary>
    public static ActionSheet Read(Stream stream, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Workbook workbook;
        try
        {
            workbook = WorkbookReader.Open(stream, fileName, cancellationToken);
        }
        catch (WorkbookException)
        {
            return ActionSheet.None;
        }

        using (workbook)
        {
            return Read(workbook, cancellationToken);
        }
    }

    /// <summary>Reads the Actions sheet of <paramref name="workbook"/>, already open and still the caller's.</summary>
    public static ActionSheet Read(Workbook workbook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        try
        {
            return Find(workbook, cancellationToken);
        }
        catch (WorkbookException e)
        {
            return new ActionSheet(null, [], StructuralIssues.Unreadable(e.Message));
        }
    }

    private static ActionSheet Find(Workbook workbook, CancellationToken cancellationToken)
    {
        var visible = workbook.Sheets.Where(s => s.IsVisible).ToList();
        if (visible.Find(s => ActionColumns.IsActionsSheetName(s.Name)) is { } named)
        {
            return ReadSheet(workbook, named, required: true, cancellationToken);
        }

        foreach (var sheet in visible)
        {
            if (ReadSheet(workbook, sheet, required: false, cancellationToken) is { Found: true } found)
            {
                return found;
            }
        }

        return ActionSheet.None;
    }

    private static ActionSheet ReadSheet(Workbook workbook, WorkbookSheet sheet, bool required, CancellationToken cancellationToken)
    {
        using var rows = workbook.ReadRows(sheet, cancellationToken).GetEnumerator();
        var search = ActionColumns.Matcher.Find(rows);
        if (search.Header is not { } header || (!required && ReturnColumns.Matcher.Match(header.Row).Has(ReturnColumns.Indicator)))
        {
            return !required || search.Closest is null
                ? ActionSheet.None
                : new ActionSheet(sheet.Name, [], StructuralIssues.RequiredColumnMissing(
                    sheet.Name, search.Closest.MissingRequired[0].Name, search.Closest.MissingRequired[0].Synonyms));
        }

        var stated = StatedPeriods.Find(search.RowsAbove);
        if (!header.Has(ActionColumns.Period) && (stated.Count == 0 || StatedPeriods.Conflict(stated)))
        {
            return new ActionSheet(sheet.Name, [], StructuralIssues.RequiredColumnMissing(sheet.Name, ActionColumns.Period, ["Quarter", "Reporting period"]));
        }

        var statedPeriod = stated.Count > 0 && !StatedPeriods.Conflict(stated) ? stated[0].Value : (WorkbookCell?)null;
        var actionHeader = ColumnName.Normalise(header.Row[header.Columns[ActionColumns.Action]].Text);
        var read = new List<ActionRow>();
        while (rows.MoveNext())
        {
            var row = Map(sheet.Name, header, rows.Current, statedPeriod);
            if (row.IsBlank || (row.Action.Value is string code && ColumnName.Normalise(code) == actionHeader))
            {
                continue;
            }

            if (read.Count == MaxRows)
            {
                return new ActionSheet(sheet.Name, [], StructuralIssues.Unreadable(string.Create(CultureInfo.InvariantCulture,
                    $"sheet '{sheet.Name}' has more than {MaxRows:N0} rows of action updates, far more than a delivery plan holds; keep one row per action"), sheet.Name));
            }

            read.Add(row);
        }

        return new ActionSheet(sheet.Name, read, null);
    }

    private static ActionRow Map(string sheet, HeaderMatch header, WorkbookRow row, WorkbookCell? statedPeriod)
    {
        var period = header.Cell(row, ActionColumns.Period);
        return new ActionRow(
            sheet,
            row.RowNumber,
            header.Cell(row, ActionColumns.Action),
            period.IsBlank && statedPeriod is { } stated ? stated : period,
            header.Cell(row, ActionColumns.Status),
            header.Cell(row, ActionColumns.PercentComplete),
            header.Cell(row, ActionColumns.Commentary),
            header.Cell(row, ActionColumns.RevisedDate),
            header.Cell(row, ActionColumns.RevisionReason),
            header.Cell(row, ActionColumns.CompletionDate));
    }
}
