using System.Data.Common;
using DbUp;
using DbUp.Builder;
using Microsoft.Data.SqlClient;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// The production warehouse on Azure SQL (or SQL Server), in schema <c>dbo</c>. A connection string with
/// <c>Authentication=Active Directory Default</c> signs in with the managed identity; no secret is stored.
/// </summary>
public sealed class SqlServerDialect : IWarehouseDialect
{
    private const string Schema = "dbo";

    private const string LastInsertedIdSql = """
        SELECT CAST(SCOPE_IDENTITY() AS bigint);
        """;

    /// <inheritdoc/>
    public string Name => WarehouseOptions.SqlServer;

    /// <inheritdoc/>
    public string Describe(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        return $"{builder.DataSource}/{builder.InitialCatalog}";
    }

    /// <inheritdoc/>
    public async Task<DbConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = Create(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc/>
    public Task<long> InsertReturningIdAsync(
        DbConnection connection,
        string insertSql,
        object? parameters,
        DbTransaction? transaction,
        CancellationToken cancellationToken) =>
        Identity.InsertAsync(connection, insertSql, LastInsertedIdSql, parameters, transaction, cancellationToken);

    /// <inheritdoc/>
    /// <remarks>No EnsureDatabase: the Azure SQL database is provisioned by infra/, the pipeline only migrates it.</remarks>
    public UpgradeEngineBuilder CreateUpgrader(string connectionString, DbConnection connection) =>
        DeployChanges.To
            .SqlDatabase(() => Create(connectionString), Schema)
            .JournalToSqlTable(Schema, WarehouseDatabase.JournalTable);

    /// <summary>A closed connection, with Active Directory Default served by Azure.Identity.</summary>
    internal static SqlConnection Create(string connectionString)
    {
        var (rewritten, usesCallback) = EntraIdToken.Rewrite(connectionString);
        var connection = new SqlConnection(rewritten);
        if (usesCallback)
        {
            connection.AccessTokenCallback = EntraIdToken.Callback;
        }

        return connection;
    }
}
