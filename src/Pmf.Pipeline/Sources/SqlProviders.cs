using System.Data.Common;

namespace Pmf.Pipeline.Sources;

/// <summary>The ADO.NET providers a SQL source may name.</summary>
public static class SqlProviders
{
    /// <summary>SQL Server and Azure SQL.</summary>
    public const string SqlClient = "Microsoft.Data.SqlClient";

    /// <summary>SQLite (tests and the demo's service system).</summary>
    public const string Sqlite = "Microsoft.Data.Sqlite";

    /// <summary>The factory for <paramref name="provider"/>; the two built in, else one registered with <see cref="DbProviderFactories"/>.</summary>
    public static DbProviderFactory Factory(string provider)
    {
        if (string.Equals(provider, SqlClient, StringComparison.OrdinalIgnoreCase))
        {
            return Microsoft.Data.SqlClient.SqlClientFactory.Instance;
        }

        if (string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            return Microsoft.Data.Sqlite.SqliteFactory.Instance;
        }

        return DbProviderFactories.TryGetFactory(provider, out var factory)
            ? factory
            : throw new ConfigurationProblemException($"The SQL provider '{provider}' is not known; use {SqlClient} or {Sqlite}, or register it with DbProviderFactories.");
    }

    /// <summary>True for the providers known to bind <see cref="DateOnly"/> as a date.</summary>
    internal static bool TakesDateOnly(string provider) =>
        string.Equals(provider, SqlClient, StringComparison.OrdinalIgnoreCase) || string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase);
}
