using System.Data.Common;
using Dapper;
using DbUp;
using DbUp.Builder;
using DbUp.Sqlite.Helpers;
using Microsoft.Data.Sqlite;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// The embedded warehouse: one SQLite file, created with its folder on first use. Connections enforce
/// foreign keys and wait for a lock rather than fail, and the file runs in WAL mode so a reader
/// (Power BI, <c>pmf report</c>) and the loader can work at the same time.
/// </summary>
public sealed class SqliteDialect : IWarehouseDialect
{
    // journal_mode=WAL is stored in the file, so setting it on every open is cheap and idempotent;
    // foreign_keys, busy_timeout (30 s for another writer to finish) and synchronous belong to the
    // connection. synchronous is SQLite's default, FULL, set again because connections are pooled: one
    // relaxed for a log (RelaxCommitsSql) must not come back relaxed for a load.
    private const string ConfigureConnectionSql = """
        PRAGMA foreign_keys = ON;
        PRAGMA busy_timeout = 30000;
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = FULL;
        """;

    // In WAL mode a commit then waits for the next checkpoint to reach the disk: a power cut may lose the
    // last commits, a crash of the process never (sqlite.org/pragma.html#pragma_synchronous).
    private const string RelaxCommitsSql = "PRAGMA synchronous = NORMAL";

    private const string LastInsertedIdSql = """
        SELECT last_insert_rowid();
        """;

    /// <summary>Every column of every view, for the Power BI model (<c>WarehouseViews</c>); SQL Server reads INFORMATION_SCHEMA instead.</summary>
    internal const string ViewColumnsSql = """
        SELECT m.name AS "View", c.name AS Name, c.type AS SourceType, c.cid AS Ordinal
        FROM sqlite_master AS m
        INNER JOIN pragma_table_info(m.name) AS c ON 1 = 1
        WHERE m.type = 'view'
        ORDER BY m.name, c.cid
        """;

    /// <inheritdoc/>
    public string Name => WarehouseOptions.Sqlite;

    /// <inheritdoc/>
    public string Describe(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;

    /// <inheritdoc/>
    public async Task<DbConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        EnsureFolder(builder);
        var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(ConfigureConnectionSql, cancellationToken: cancellationToken));
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc/>
    public Task RelaxCommitsAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(RelaxCommitsSql, cancellationToken: cancellationToken));

    /// <inheritdoc/>
    public Task<long> InsertReturningIdAsync(
        DbConnection connection,
        string insertSql,
        object? parameters,
        DbTransaction? transaction,
        CancellationToken cancellationToken) =>
        Identity.InsertAsync(connection, insertSql, LastInsertedIdSql, parameters, transaction, cancellationToken);

    /// <inheritdoc/>
    /// <remarks>
    /// Migrations run inside one transaction with foreign keys enforced; a script that rebuilds a table
    /// other tables reference starts with <c>PRAGMA defer_foreign_keys = ON</c> (foreign_keys cannot change mid-transaction).
    /// </remarks>
    public UpgradeEngineBuilder CreateUpgrader(string connectionString, DbConnection connection) =>
        DeployChanges.To
            .SqliteDatabase(new SharedConnection(connection))
            .JournalToSqliteTable(WarehouseDatabase.JournalTable);

    private static void EnsureFolder(SqliteConnectionStringBuilder builder)
    {
        if (builder.Mode == SqliteOpenMode.Memory
            || string.IsNullOrEmpty(builder.DataSource)
            || builder.DataSource.StartsWith(':')
            || builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
