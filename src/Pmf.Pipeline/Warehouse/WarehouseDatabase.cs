using System.Data.Common;

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
        var engine = Dialect.CreateUpgrader(_connectionString, connection)
            .WithScripts(WarehouseScripts.For(Dialect.Name))
            .WithVariablesDisabled()
            .WithTransaction()
            .LogToNowhere()
            .Build();

        bool hadMigrations;
        try
        {
            hadMigrations = engine.GetExecutedScripts().Count > 0;
        }
        catch (Exception error)
        {
            throw new WarehouseException($"The warehouse at {Location} could not be upgraded: its journal {JournalTable} could not be read: {error.Message}", error);
        }

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
}
