namespace Pmf.Pipeline.PowerBi;

/// <summary>One column of a reporting view, as the warehouse itself describes it.</summary>
/// <param name="View">The view, e.g. <c>v_result</c>.</param>
/// <param name="Name">The column's friendly name, e.g. <c>Indicator code</c>.</param>
/// <param name="SourceType">
/// The engine's type name: a SQL Server type (<c>int</c>, <c>date</c>, <c>nvarchar</c>…) or the SQLite
/// declared type, empty for a computed column.
/// </param>
/// <param name="Ordinal">Position in the view, from 0 or 1 depending on the engine; only the order matters.</param>
public sealed record ViewColumn(string View, string Name, string SourceType, long Ordinal)
{
    /// <summary>The TMDL data type the semantic model gives this column.</summary>
    public string DataType => TmdlDataType.Of(Name, SourceType);
}
