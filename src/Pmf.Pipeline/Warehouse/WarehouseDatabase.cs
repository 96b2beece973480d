using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// The warehouse the settings point at: opens connections for units of work and brings the schema
/// up to date with the migrations embedded for its dialect.
/// </summary>
public sealed class WarehouseDatabase
{
    /// <summary>The DbUp journal: one row per migration applied, in the warehouse itself.</summary>
    public const string JournalTable = "schema_versions";

    private readonly string _connectionString;

    /// <summary>Picks the dialect named by <see cref="WarehouseOptions.Provider"/>.</summary>
    /// <param name="options">Validated settings.</param>
    /// <exception cref="ArgumentException">The settings are unusable; the message says what to fix.</exception>
    public WarehouseDatabase(WarehouseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _connectionString = options.ConnectionString;
        Dialect = options.IsSqlServer ? new SqlServerDialect() : new SqliteDialect();
        Location = Dialect.Describe(_connectionString);
    }

    /// <summary>The engine-specific part: SQLite or SQL Server.</summary>
    public IWarehouseDialect Dialect { get; }

    /// <summary>Where the warehouse is, for messages: the SQLite file, or server and database.</summary>
    public string Location { get; }

    /// <summary>Opens a connection for one unit of work; dispose it when the work is done.</summary>
    /// <param name="cancellationToken">Stops the attempt.</param>
    /// <returns>An open connection.</returns>
    /// <exception cref="WarehouseException">The warehouse could not be reached.</exception>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Dialect.OpenAsync(_connectionString, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new WarehouseException($"The warehouse at {Location} could not be opened: {error.Message}", error);
        }
    }

    /// <summary>
    /// Opens a connection for a log of messages sent, one small transaction a message: its commits do not
    /// each wait for the disk (<see cref="IWarehouseDialect.RelaxCommitsAsync"/>). Four thousand digests in
    /// one sweep took 14-20 s with a disk flush a message, 9 s without (bench/README.md).
    /// </summary>
    /// <param name="cancellationToken">Stops the attempt.</param>
    /// <returns>The open connection; the caller disposes it.</returns>
    public async Task<DbConnection> OpenForLogAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        try
        {
            await Dialect.RelaxCommitsAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Applies, in order and each once, the embedded migrations this warehouse has not had yet.
    /// Running it again applies nothing.
    /// </summary>
    /// <param name="cancellationToken">Checked before the migrations start; DbUp itself cannot be interrupted.</param>
    /// <returns>What was applied, and whether the warehouse was created, upgraded or already current.</returns>
    /// <exception cref="WarehouseException">A script or the journal failed; nothing of the run is kept.</exception>
    public async Task<MigrationOutcome> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        RefuseReadOnly(connection);
        var scripts = WarehouseScripts.For(Dialect.Name);
        var engine = Dialect.CreateUpgrader(_connectionString, connection)
            .WithScripts(scripts)
            .WithVariablesDisabled()
            .WithTransaction()
            .LogToNowhere()
            .Build();

        IReadOnlyList<string> executed;
        try
        {
            executed = [.. engine.GetExecutedScripts()];
        }
        catch (Exception error)
        {
            throw new WarehouseException($"The warehouse at {Location} could not be upgraded: its journal {JournalTable} could not be read: {error.Message}", error);
        }

        RefuseNewerSchema(executed, scripts);
        var hadMigrations = executed.Count > 0;
        var result = engine.PerformUpgrade();
        if (!result.Successful)
        {
            var script = result.ErrorScript is { } failed ? $"script {failed.Name} failed: " : string.Empty;
            throw new WarehouseException($"The warehouse at {Location} could not be upgraded: {script}{result.Error.Message}", result.Error);
        }

        var applied = result.Scripts.Select(s => s.Name).ToList();
        var state = applied.Count == 0 ? MigrationState.AlreadyCurrent
            : hadMigrations ? MigrationState.Upgraded
            : MigrationState.Created;
        return new MigrationOutcome(Location, state, applied);
    }

    /// <summary>
    /// A journal naming migrations this build does not carry means a newer pmf upgraded the warehouse:
    /// this one would read tables it does not understand, so it stops here rather than fail later.
    /// </summary>
    private void RefuseNewerSchema(IReadOnlyList<string> executed, IReadOnlyList<DbUp.Engine.SqlScript> scripts)
    {
        var known = scripts.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = executed.Where(name => !known.Contains(name)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            var last = scripts.Count > 0 ? scripts[^1].Name : "none";
            throw new WarehouseException(
                $"The warehouse at {Location} has a newer schema than this version of pmf knows (its journal {JournalTable} lists {string.Join(", ", unknown)}; this version's last migration is {last}); run the pmf version that upgraded it, or a later one.", null);
        }
    }

    /// <summary>A SQLite file opened read-only (its permissions, or <c>Mode=ReadOnly</c>) cannot take a return: say so before any work starts.</summary>
    private void RefuseReadOnly(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite && SQLitePCL.raw.sqlite3_db_readonly(sqlite.Handle, "main") == 1)
        {
            throw new WarehouseException(
                $"The warehouse at {Location} is read-only; give pmf write access to the file and its folder, or set Pmf:Warehouse:ConnectionString to a writable warehouse.", null);
        }
    }
}
