using System.Data.Common;
using Dapper;

namespace Pmf.Pipeline.Warehouse;

/// <summary>The one way both dialects fetch a new row's identity: the INSERT, then the engine's own query in the same batch.</summary>
internal static class Identity
{
    public static Task<long> InsertAsync(
        DbConnection connection,
        string insertSql,
        string lastIdentitySql,
        object? parameters,
        DbTransaction? transaction,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(insertSql);
        var sql = insertSql.TrimEnd().TrimEnd(';') + ";\n" + lastIdentitySql;
        return connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
    }
}
