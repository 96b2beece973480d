namespace Pmf.Pipeline.Workbooks;

/// <summary>How one row reads as a header: which columns it holds where, and which required ones it lacks.</summary>
/// <param name="Row">The row read as a header.</param>
/// <param name="Columns">0-based column index of each column found, keyed by <see cref="ColumnSpec.Name"/> (any case).</param>
/// <param name="MissingRequired">Required columns the row does not hold.</param>
public sealed record HeaderMatch(WorkbookRow Row, IReadOnlyDictionary<string, int> Columns, IReadOnlyList<ColumnSpec> MissingRequired)
{
    /// <summary>True when every required column is present, so this row is the header.</summary>
    public bool IsComplete => MissingRequired.Count == 0;

    /// <summary>True when the header holds the column <paramref name="name"/>.</summary>
    public bool Has(string name) => Columns.ContainsKey(name);

    /// <summary>The cell of <paramref name="row"/> under column <paramref name="name"/>; blank when the header lacks it.</summary>
    public WorkbookCell Cell(WorkbookRow row, string name)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Columns.TryGetValue(name, out var index) ? row[index] : WorkbookCell.Blank;
    }
}
