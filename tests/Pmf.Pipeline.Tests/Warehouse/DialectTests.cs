using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Warehouse;

public sealed class DialectTests : IDisposable
{
    private const string InsertCouncilSql = """
        INSERT INTO dim_council (council_code, council_name) VALUES (@code, @name)
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task SQLite_connections_enforce_foreign_keys_and_run_in_WAL_with_a_busy_timeout()
    {
        var database = await MigratedAsync();
        await using var connection = await database.OpenAsync(CancellationToken.None);

        Assert.Equal("wal", await connection.QuerySingleAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(30000, await connection.QuerySingleAsync<int>("PRAGMA busy_timeout"));
        var orphan = await Assert.ThrowsAsync<SqliteException>(() =>
            connection.ExecuteAsync("INSERT INTO dim_priority (council_key, priority_code, priority_name) VALUES (99, 'P1', 'Orphan')"));
        Assert.Contains("FOREIGN KEY constraint failed", orphan.Message);
    }

    [Fact]
    public async Task Insert_returning_id_gives_each_new_row_its_own_key()
    {
        var database = await MigratedAsync();
        await using var connection = await database.OpenAsync(CancellationToken.None);

        var first = await database.Dialect.InsertReturningIdAsync(connection, InsertCouncilSql, new { code = "A", name = "Alpha" }, null, CancellationToken.None);
        var second = await database.Dialect.InsertReturningIdAsync(connection, InsertCouncilSql, new { code = "B", name = "Beta" }, null, CancellationToken.None);

        Assert.Equal(first + 1, second);
        Assert.Equal("Beta", await connection.QuerySingleAsync<string>("SELECT council_name FROM dim_council WHERE council_key = @second", new { second }));
    }

    [Fact]
    public void Active_Directory_Default_is_served_by_Azure_Identity_through_the_token_callback()
    {
        using var connection = SqlServerDialect.Create(
            "Server=tcp:pmf.database.windows.net,1433;Database=pmf;Encrypt=True;Authentication=Active Directory Default");

        Assert.NotNull(connection.AccessTokenCallback);
        Assert.Equal(SqlAuthenticationMethod.NotSpecified, new SqlConnectionStringBuilder(connection.ConnectionString).Authentication);
    }

    [Fact]
    public void Other_SQL_Server_sign_ins_are_left_to_SqlClient()
    {
        using var connection = SqlServerDialect.Create("Server=localhost;Database=pmf;Integrated Security=true");

        Assert.Null(connection.AccessTokenCallback);
    }

    [Fact]
    public void The_SQL_Server_upgrader_builds_with_its_scripts_without_a_server()
    {
        const string connectionString = "Server=tcp:pmf.database.windows.net,1433;Database=pmf;Authentication=Active Directory Default";
        var dialect = new SqlServerDialect();
        using var connection = SqlServerDialect.Create(connectionString);

        var engine = dialect.CreateUpgrader(connectionString, connection)
            .WithScripts(WarehouseScripts.For(dialect.Name))
            .LogToNowhere()
            .Build();

        Assert.NotNull(engine);
    }

    [Fact]
    public async Task Only_a_log_connection_lets_its_commits_wait_for_the_checkpoint()
    {
        var database = await MigratedAsync();
        await using var load = await database.OpenAsync(CancellationToken.None);
        await using var log = await database.OpenForLogAsync(CancellationToken.None);

        // 2 = FULL: a load's commit reaches the disk before its file is moved; 1 = NORMAL, in WAL mode.
        Assert.Equal(2L, await load.ExecuteScalarAsync<long>("PRAGMA synchronous"));
        Assert.Equal(1L, await log.ExecuteScalarAsync<long>("PRAGMA synchronous"));
        Assert.Equal("wal", await log.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task A_connection_relaxed_for_a_log_comes_back_from_the_pool_flushing_each_commit()
    {
        var database = await MigratedAsync();
        await using (var log = await database.OpenForLogAsync(CancellationToken.None))
        {
            Assert.Equal(1L, await log.ExecuteScalarAsync<long>("PRAGMA synchronous"));
        }

        // Microsoft.Data.Sqlite pools connections: the next open is likely the same connection.
        await using var load = await database.OpenAsync(CancellationToken.None);
        Assert.Equal(2L, await load.ExecuteScalarAsync<long>("PRAGMA synchronous"));
    }

    private async Task<WarehouseDatabase> MigratedAsync()
    {
        var database = new WarehouseDatabase(new WarehouseOptions { ConnectionString = $"Data Source={_folder.File("pmf.db")}" });
        await database.MigrateAsync(CancellationToken.None);
        return database;
    }
}
