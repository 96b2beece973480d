using Dapper;
using Microsoft.Data.Sqlite;

namespace Pmf.Pipeline.Tests.Support;

/// <summary>Reads a SQLite warehouse file the way an analyst's tool would, to check what a command left.</summary>
public sealed class WarehouseProbe(string path) : IDisposable
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();

    public async Task<Dictionary<string, long>> CountsAsync()
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        var counts = new Dictionary<string, long>();
        foreach (var table in await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        {
            counts[table] = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM \"{table}\"");
        }

        return counts;
    }

    /// <summary>One number the warehouse answers, e.g. a count.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    public void Dispose() => SqliteConnection.ClearAllPools();
}
