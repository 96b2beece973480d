using Dapper;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.PowerBi;

/// <summary>
/// Reads the reporting views' columns from the warehouse itself (SQLite <c>pragma_table_info</c>,
/// SQL Server <c>INFORMATION_SCHEMA</c>), so the semantic model is generated from what is there.
/// </summary>
public static class WarehouseViews
{
    internal const string SqlServerColumnsSql = """
        SELECT c.TABLE_NAME AS [View], c.COLUMN_NAME AS Name, c.DATA_TYPE AS SourceType, c.ORDINAL_POSITION AS Ordinal
        FROM INFORMATION_SCHEMA.COLUMNS AS c
        INNER JOIN INFORMATION_SCHEMA.VIEWS AS v ON v.TABLE_SCHEMA = c.TABLE_SCHEMA AND v.TABLE_NAME = c.TABLE_NAME
        WHERE c.TABLE_SCHEMA = 'dbo'
        ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION
        """;

    internal const string CouncilCodesSql = """
        SELECT council_code FROM dim_council ORDER BY council_code
        """;

    /// <summary>Every column of every view, by view name (ordinal order within a view).</summary>
    /// <param name="database">The warehouse.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The columns, grouped by view name (case-insensitive).</returns>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<ViewColumn>>> ColumnsAsync(WarehouseDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var sql = database.Dialect.Name == WarehouseOptions.SqlServer ? SqlServerColumnsSql : SqliteDialect.ViewColumnsSql;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ViewColumnRow>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows
            .GroupBy(row => row.View, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(
                group => group.Key,
                group => (IReadOnlyList<ViewColumn>)group.OrderBy(row => row.Ordinal).Select(row => new ViewColumn(row.View, row.Name, row.SourceType ?? string.Empty, row.Ordinal)).ToList(),
                StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The councils' codes, for one row-level security role each.</summary>
    /// <param name="database">The warehouse.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>Council codes in order.</returns>
    public static async Task<IReadOnlyList<string>> CouncilCodesAsync(WarehouseDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(CouncilCodesSql, cancellationToken: cancellationToken))).ToList();
    }

    private sealed class ViewColumnRow
    {
        public string View { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public string? SourceType { get; set; }

        public long Ordinal { get; set; }
    }
}
