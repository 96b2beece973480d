using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Returns;

/// <summary>
/// How the header's cells were read: the recognised columns, cells ignored, and cells that repeat a
/// column's heading exactly (two <c>Value</c> columns), which make the data ambiguous. A second cell naming
/// a column by another name (<c>Comment</c> and <c>Notes</c>) is ignored with a note; the column's own name
/// beats a synonym, and otherwise the leftmost wins (the <see cref="HeaderMatcher"/> rule).
/// </summary>
internal sealed record HeaderColumns(
    IReadOnlyList<ReturnColumn> Columns,
    IReadOnlyList<string> Ignored,
    IReadOnlyList<(ReturnColumn Column, IReadOnlyList<int> Repeats)> Duplicates,
    IReadOnlyList<string> Notes)
{
    public static HeaderColumns Read(HeaderMatch header)
    {
        var row = header.Row;
        var columns = ReturnColumns.All
            .Where(spec => header.Has(spec.Name))
            .Select(spec => new ReturnColumn(spec.Name, header.Columns[spec.Name], row[header.Columns[spec.Name]].Text.Trim()))
            .ToList();
        var used = columns.Select(c => c.Index).ToHashSet();
        var ignored = new List<string>();
        var duplicates = new List<(ReturnColumn, IReadOnlyList<int>)>();
        var notes = new List<string>();

        foreach (var column in columns)
        {
            var heading = ColumnName.Normalise(column.Header);
            var repeats = Enumerable.Range(0, row.Cells.Count).Where(i => i != column.Index && ColumnName.Normalise(row[i].Text) == heading).ToList();
            if (repeats.Count > 0)
            {
                duplicates.Add((column, repeats));
            }
        }

        for (var i = 0; i < row.Cells.Count; i++)
        {
            if (used.Contains(i) || row[i].IsBlank)
            {
                continue;
            }

            var text = row[i].Text.Trim();
            ignored.Add(text);
            var normalised = ColumnName.Normalise(text);
            var rival = columns.FirstOrDefault(c => Spec(c.Name).IsNamed(normalised) || Spec(c.Name).IsSynonym(normalised));
            if (rival is not null && ColumnName.Normalise(rival.Header) != normalised)
            {
                notes.Add($"Both '{rival.Header}' (column {rival.Letter}) and '{text}' (column {ColumnName.Letter(i)}) name the {rival.Name} column; '{rival.Header}' is read and '{text}' is ignored.");
            }
        }

        return new HeaderColumns(columns, ignored, duplicates, notes);
    }

    private static ColumnSpec Spec(string name) => ReturnColumns.All.First(s => s.Name == name);
}
