using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Returns;

/// <summary>A column of the return's header that the reader recognised.</summary>
/// <param name="Name">The column as FORMATS.md names it (one of the <see cref="ReturnColumns"/> constants).</param>
/// <param name="Index">The 0-based column index.</param>
/// <param name="Header">The header as the sender wrote it, e.g. <c>PI code</c> for <see cref="ReturnColumns.Indicator"/>.</param>
public sealed record ReturnColumn(string Name, int Index, string Header)
{
    /// <summary>The column's letters as Excel shows them.</summary>
    public string Letter => ColumnName.Letter(Index);
}
