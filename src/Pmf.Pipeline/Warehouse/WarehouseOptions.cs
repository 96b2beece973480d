using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// Where the star-schema warehouse lives, bound from <c>Pmf:Warehouse</c>
/// (environment variables <c>Pmf__Warehouse__Provider</c> and <c>Pmf__Warehouse__ConnectionString</c>).
/// </summary>
/// <remarks>
/// The embedded default is a SQLite file. Production is Azure SQL with <see cref="Provider"/> set to
/// <c>sqlserver</c> and a connection string that authenticates with the app's managed identity and holds
/// no secret, for example
/// <c>Server=tcp:pmf-sql.database.windows.net,1433;Database=pmf;Encrypt=True;Authentication=Active Directory Default</c>.
/// </remarks>
public sealed class WarehouseOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string Section = "Pmf:Warehouse";

    /// <summary>The provider name of the embedded SQLite warehouse.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>The provider name of the Azure SQL / SQL Server warehouse.</summary>
    public const string SqlServer = "sqlserver";

    /// <summary><c>sqlite</c> (the default) or <c>sqlserver</c>; case does not matter.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// An ADO.NET connection string for the provider: <c>Data Source=pmf.db</c> (the default) for SQLite;
    /// for Azure SQL one with <c>Authentication=Active Directory Default</c>, so the managed identity
    /// (or the developer's Azure sign-in) is used and no password is stored.
    /// </summary>
    public string ConnectionString { get; set; } = "Data Source=pmf.db";

    /// <summary>Checks the settings.</summary>
    /// <returns><see langword="null"/> when they are usable, otherwise one sentence saying what to fix.</returns>
    public string? Validate()
    {
        if (!IsSqlite && !IsSqlServer)
        {
            return $"{Section}:Provider is '{Provider}', which is not a warehouse provider; use '{Sqlite}' or '{SqlServer}'.";
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            return $"{Section}:ConnectionString is empty; set it to a SQLite file such as 'Data Source=pmf.db' or to an Azure SQL connection string.";
        }

        return ConnectionStringProblem();
    }

    /// <summary>The connection string's own syntax, checked before anything connects. Its text is never repeated: it may hold a password.</summary>
    private string? ConnectionStringProblem()
    {
        try
        {
            if (IsSqlServer)
            {
                _ = new SqlConnectionStringBuilder(ConnectionString);
                return null;
            }

            return string.IsNullOrWhiteSpace(new SqliteConnectionStringBuilder(ConnectionString).DataSource)
                ? $"{Section}:ConnectionString names no SQLite file; set it to e.g. 'Data Source=pmf.db'."
                : null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            var example = IsSqlServer
                ? "'Server=tcp:<server>.database.windows.net,1433;Database=pmf;Authentication=Active Directory Default'"
                : "'Data Source=pmf.db'";
            return $"{Section}:ConnectionString is not a {(IsSqlServer ? "SQL Server" : "SQLite")} connection string ({e.Message.TrimEnd('.')}); set it to e.g. {example}.";
        }
    }

    internal bool IsSqlite => string.Equals(Provider?.Trim(), Sqlite, StringComparison.OrdinalIgnoreCase);

    internal bool IsSqlServer => string.Equals(Provider?.Trim(), SqlServer, StringComparison.OrdinalIgnoreCase);
}
