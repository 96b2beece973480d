using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Returns;

/// <summary>Where a return's data is and how its header reads: what the rows that follow were picked out by.</summary>
/// <param name="File">The file name as the sender gave it.</param>
/// <param name="Format">What kind of file it is, judged by its contents.</param>
/// <param name="Sheet">The sheet read (for a CSV, the file name without its extension).</param>
/// <param name="HeaderRow">The header's row number as Excel shows it.</param>
/// <param name="Columns">The recognised columns, in documented order.</param>
/// <param name="StatedPeriod">The period stated above the header, when there is one.</param>
/// <param name="IgnoredColumns">Header cells naming no return column (or a second column for one already found), as written.</param>
/// <param name="Notes">Things the reader decided that the sender may want to know, in sentences (e.g. which sheet it read and why).</param>
public sealed record ReturnLayout(
    string File,
    WorkbookFormat Format,
    string Sheet,
    int HeaderRow,
    IReadOnlyList<ReturnColumn> Columns,
    ReturnStatedPeriod? StatedPeriod,
    IReadOnlyList<string> IgnoredColumns,
    IReadOnlyList<string> Notes)
{
    /// <summary>True when the header has the column <paramref name="name"/> (a <see cref="ReturnColumns"/> constant).</summary>
    public bool Has(string name) => Column(name) is not null;

    /// <summary>The column <paramref name="name"/> (a <see cref="ReturnColumns"/> constant), or null when the header lacks it.</summary>
    public ReturnColumn? Column(string name) => Columns.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
