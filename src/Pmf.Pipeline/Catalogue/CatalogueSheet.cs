using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Catalogue;

/// <summary>
/// One catalogue sheet found in the workbook and read into rows under its header. A catalogue is small
/// (hundreds of indicators, thousands of targets), so its rows are held to cross-check them.
/// </summary>
internal sealed class CatalogueSheet
{
    private CatalogueSheet(string name, HeaderMatch header, CatalogueProblems problems)
    {
        Name = name;
        Header = header;
        Problems = problems;
    }

    /// <summary>The tab name as the workbook spells it.</summary>
    public string Name { get; }

    public HeaderMatch Header { get; }

    public CatalogueProblems Problems { get; }

    public List<CatalogueRow> Rows { get; } = [];

    public bool Has(string column) => Header.Has(column);

    /// <summary>
    /// Finds and reads the sheet, reporting a missing sheet, a missing header or missing required columns.
    /// Null when the sheet or its header is missing; a header lacking some required columns is still read,
    /// so the other columns' problems are reported in the same pass.
    /// </summary>
    public static CatalogueSheet? Load(Workbook workbook, SheetSpec spec, CatalogueProblems problems, CancellationToken cancellationToken)
    {
        var found = workbook.Sheets
            .Where(s => spec.Matches(s.Name))
            .OrderByDescending(s => ColumnName.Normalise(s.Name) == ColumnName.Normalise(spec.Name))
            .ThenByDescending(s => s.IsVisible)
            .FirstOrDefault();
        if (found is null)
        {
            problems.Error(spec.Name, null, null, null, $"The workbook has no '{spec.Name}' sheet; add one with the columns {spec.RequiredColumnList}.");
            return null;
        }

        var header = FindHeader(workbook, found, spec, problems, cancellationToken);
        if (header is null)
        {
            return null;
        }

        var sheet = new CatalogueSheet(found.Name, header, problems);
        foreach (var row in workbook.ReadRows(found, cancellationToken).SkipWhile(r => r.RowNumber <= header.Row.RowNumber))
        {
            sheet.Rows.Add(new CatalogueRow(sheet, row));
        }

        return sheet;
    }

    public void Error(int? row, string? column, string message) => Problems.Error(Name, row, column, null, message);

    private static HeaderMatch? FindHeader(Workbook workbook, WorkbookSheet sheet, SheetSpec spec, CatalogueProblems problems, CancellationToken cancellationToken)
    {
        using var rows = workbook.ReadRows(sheet, cancellationToken).GetEnumerator();
        var search = spec.Header.Find(rows);
        if (search.Found)
        {
            return search.Header;
        }

        if (search.Closest is not { } closest)
        {
            problems.Error(sheet.Name, null, null, null, $"The '{sheet.Name}' sheet has no header row in its first {HeaderMatcher.DefaultSearchRows} rows; put the column names ({spec.RequiredColumnList}) in one row at the top.");
            return null;
        }

        foreach (var missing in closest.MissingRequired)
        {
            problems.Error(sheet.Name, closest.Row.RowNumber, missing.Name, null, $"The '{sheet.Name}' sheet has no '{missing.Name}' column; add it to the header row (row {closest.Row.RowNumber}).");
        }

        return closest;
    }
}
