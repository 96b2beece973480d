namespace Pmf.Pipeline.Workbooks;

/// <summary>
/// Recognises a header row by its column names, ignoring case, spaces, underscores and punctuation and
/// accepting synonyms; finds it within the first rows of a sheet, below any titles.
/// </summary>
public sealed class HeaderMatcher
{
    /// <summary>How far down a sheet the header may sit (FORMATS.md: within the first 20 rows).</summary>
    public const int DefaultSearchRows = 20;

    /// <summary>Creates a matcher for <paramref name="columns"/>.</summary>
    public HeaderMatcher(IEnumerable<ColumnSpec> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = [.. columns];
    }

    /// <summary>The columns looked for, in documented order.</summary>
    public IReadOnlyList<ColumnSpec> Columns { get; }

    /// <summary>
    /// Reads <paramref name="row"/> as a header. A cell matching a column's own name wins over one matching
    /// a synonym; each cell names at most one column; the first of two cells naming the same column wins.
    /// </summary>
    public HeaderMatch Match(WorkbookRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var names = row.Cells.Select(cell => cell.Value is string text ? ColumnName.Normalise(text) : string.Empty).ToArray();
        var found = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var taken = new bool[names.Length];
        Assign((spec, name) => spec.IsNamed(name));
        Assign((spec, name) => spec.IsSynonym(name));
        return new HeaderMatch(row, found, [.. Columns.Where(c => c.IsRequired && !found.ContainsKey(c.Name))]);

        void Assign(Func<ColumnSpec, string, bool> matches)
        {
            foreach (var spec in Columns.Where(c => !found.ContainsKey(c.Name)))
            {
                var index = Array.FindIndex(names, (name) => name.Length > 0 && matches(spec, name));
                while (index >= 0 && taken[index])
                {
                    index = Array.FindIndex(names, index + 1, (name) => name.Length > 0 && matches(spec, name));
                }

                if (index >= 0)
                {
                    found[spec.Name] = index;
                    taken[index] = true;
                }
            }
        }
    }

    /// <summary>
    /// Advances <paramref name="rows"/> to the first row, among those numbered up to <paramref name="searchRows"/>,
    /// that holds every required column. On success the enumerator's current row is the header, so the
    /// caller reads data rows by carrying on with it.
    /// </summary>
    public HeaderSearch Find(IEnumerator<WorkbookRow> rows, int searchRows = DefaultSearchRows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var above = new List<WorkbookRow>();
        HeaderMatch? closest = null;
        while (rows.MoveNext() && rows.Current.RowNumber <= searchRows)
        {
            var match = Match(rows.Current);
            if (match.IsComplete)
            {
                return new HeaderSearch(match, null, above);
            }

            if (match.Columns.Count > (closest?.Columns.Count ?? 0))
            {
                closest = match;
            }

            above.Add(rows.Current);
        }

        return new HeaderSearch(null, closest, above);
    }
}
