using System.Data.Common;
using DbUp.Builder;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// What differs between the embedded SQLite warehouse and Azure SQL: opening a connection, running
/// the migrations, and the little SQL that cannot be written once for both engines. Everything else
/// is portable SQL beside the code that runs it.
/// </summary>
public interface IWarehouseDialect
{
    /// <summary>The provider name, as in <see cref="WarehouseOptions.Provider"/>: <c>sqlite</c> or <c>sqlserver</c>.</summary>
    string Name { get; }

    /// <summary>Where the warehouse is, for messages: the SQLite file, or server and database; never a secret.</summary>
    /// <param name="connectionString">The warehouse connection string.</param>
    /// <returns>A short location such as <c>pmf.db</c> or <c>tcp:pmf.database.windows.net,1433/pmf</c>.</returns>
    string Describe(string connectionString);

    /// <summary>Opens a connection, ready for use by one unit of work; the caller disposes it.</summary>
    /// <param name="connectionString">The warehouse connection string.</param>
    /// <param name="cancellationToken">Stops the attempt.</param>
    /// <returns>The open connection.</returns>
    Task<DbConnection> OpenAsync(string connectionString, CancellationToken cancellationToken);

    /// <summary>
    /// Lets <paramref name="connection"/>'s commits wait for the engine's next checkpoint instead of each
    /// reaching the disk on its own: only for a log whose last entries, lost in a power cut (never in a
    /// crash of the process), cost a repeat, such as a digest mailed again; never for a load. An engine
    /// that cannot, or need not, does nothing.
    /// </summary>
    /// <param name="connection">A connection from <see cref="OpenAsync"/>.</param>
    /// <param name="cancellationToken">Stops the command.</param>
    /// <returns>When done.</returns>
    Task RelaxCommitsAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Runs a single-row portable <c>INSERT ... VALUES</c> and returns the identity the engine gave the new row.
    /// </summary>
    /// <param name="connection">An open warehouse connection.</param>
    /// <param name="insertSql">The INSERT, a <c>const</c> ending in <c>Sql</c> so the T-SQL check sees it; no trailing statement.</param>
    /// <param name="parameters">Dapper parameters for the INSERT.</param>
    /// <param name="transaction">The transaction the insert belongs to, if any.</param>
    /// <param name="cancellationToken">Stops the command.</param>
    /// <returns>The new row's key.</returns>
    Task<long> InsertReturningIdAsync(
        DbConnection connection,
        string insertSql,
        object? parameters,
        DbTransaction? transaction,
        CancellationToken cancellationToken);

    /// <summary>
    /// A DbUp upgrader for this engine, journalling to <c>schema_versions</c>; scripts are added by the caller.
    /// </summary>
    /// <param name="connectionString">The warehouse connection string.</param>
    /// <param name="connection">
    /// A connection from <see cref="OpenAsync"/>, owned by the caller. SQLite migrates over it (one file,
    /// one writer); SQL Server opens connections of its own from <paramref name="connectionString"/>.
    /// </param>
    /// <returns>The builder.</returns>
    UpgradeEngineBuilder CreateUpgrader(string connectionString, DbConnection connection);
}
