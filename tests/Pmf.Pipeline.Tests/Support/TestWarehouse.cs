using System.Data.Common;
using Dapper;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Support;

/// <summary>A real, migrated SQLite warehouse file in a temp folder.</summary>
public sealed class TestWarehouse : IDisposable
{
    private readonly TempFolder _folder = new();

    private TestWarehouse()
    {
        Options = new WarehouseOptions { Provider = "sqlite", ConnectionString = $"Data Source={_folder.File("warehouse.db")}" };
        Database = new WarehouseDatabase(Options);
    }

    public WarehouseOptions Options { get; }

    public WarehouseDatabase Database { get; }

    public string FolderPath => _folder.Path;

    public static async Task<TestWarehouse> CreateAsync()
    {
        var warehouse = new TestWarehouse();
        await warehouse.Database.MigrateAsync(CancellationToken.None);
        return warehouse;
    }

    public Task<DbConnection> OpenAsync() => Database.OpenAsync(CancellationToken.None);

    /// <summary>Row counts of every table, to prove an operation changed nothing.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountsAsync()
    {
        await using var connection = await OpenAsync();
        var tables = await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            counts[table] = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM \"{table}\"");
        }

        return counts;
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    public void Dispose() => _folder.Dispose();
}
