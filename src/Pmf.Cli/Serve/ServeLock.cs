using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Pmf.Pipeline.Warehouse;

using Pmf.Pipeline;

namespace Pmf.Cli.Serve;

/// <summary>
/// Keeps one <c>pmf serve</c> per warehouse. SQLite: an exclusive lock on <c>&lt;database&gt;.serve.lock</c>
/// beside the file (the operating system releases it if the process dies). SQL Server: a session
/// application lock (<c>sp_getapplock</c>) held on a connection kept open while serving, which the
/// server releases when the session ends.
/// </summary>
public sealed class ServeLock : IAsyncDisposable
{
    /// <summary>The application lock's resource name on SQL Server.</summary>
    public const string Resource = "pmf-serve";

    /// <summary>Takes the lock without waiting; a result of 0 or more means it was granted.</summary>
    internal const string AcquireSql = """
        DECLARE @result int;
        EXEC @result = sp_getapplock @Resource = @Resource, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 0;
        SELECT @result;
        """;

    private readonly IAsyncDisposable _held;

    private ServeLock(IAsyncDisposable held, string description)
    {
        _held = held;
        Description = description;
    }

    /// <summary>What is locked, for messages.</summary>
    public string Description { get; }

    /// <summary>
    /// Takes the lock for <paramref name="warehouse"/>, or throws <see cref="ConfigurationProblemException"/>
    /// when another <c>pmf serve</c> holds it.
    /// </summary>
    public static async Task<ServeLock> AcquireAsync(WarehouseOptions options, WarehouseDatabase warehouse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(warehouse);
        return options.IsSqlServer
            ? await AcquireAppLockAsync(warehouse, cancellationToken)
            : AcquireLockFile(options.ConnectionString, warehouse.Location);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _held.DisposeAsync();

    /// <summary>The lock file for a SQLite connection string: the database file's path plus <c>.serve.lock</c>.</summary>
    public static string LockFileFor(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrWhiteSpace(source) || source == ":memory:")
        {
            throw new ConfigurationProblemException("pmf serve needs a warehouse that outlives it; set Pmf:Warehouse:ConnectionString to a SQLite file such as 'Data Source=pmf.db'.");
        }

        return Path.GetFullPath(source) + ".serve.lock";
    }

    private static ServeLock AcquireLockFile(string connectionString, string location)
    {
        var path = LockFileFor(connectionString);
        try
        {
            // FileShare.None is an exclusive advisory lock on Linux and macOS and a share lock on Windows. The
            // file is left behind on purpose: deleting it on close would let two later runs lock different files.
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new ServeLock(stream, path);
        }
        catch (IOException e)
        {
            throw new ConfigurationProblemException(
                $"Another pmf serve is already running against the warehouse at {location} (it holds {path}); stop it first, or point this one at a different warehouse.", e);
        }
    }

    private static async Task<ServeLock> AcquireAppLockAsync(WarehouseDatabase warehouse, CancellationToken cancellationToken)
    {
        DbConnection connection = await warehouse.OpenAsync(cancellationToken);
        try
        {
            var result = await connection.ExecuteScalarAsync<int>(new CommandDefinition(AcquireSql, new { Resource }, cancellationToken: cancellationToken));
            if (result < 0)
            {
                throw new ConfigurationProblemException(
                    $"Another pmf serve is already running against the warehouse at {warehouse.Location} (it holds the application lock '{Resource}'); stop it first.");
            }

            return new ServeLock(connection, $"application lock '{Resource}' on {warehouse.Location}");
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
